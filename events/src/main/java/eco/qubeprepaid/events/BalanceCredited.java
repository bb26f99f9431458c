package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.UUID;

/**
 * balance-service credited a premise's wallet with a payment.
 *
 * @param eventId the event id
 * @param occurredAt when the ledger entry was committed
 * @param premiseId the premise's stable identity
 * @param paymentId the gateway's payment id (the idempotency key)
 * @param amountPaise the amount credited
 * @param balanceAfterPaise the wallet balance after the credit
 */
public record BalanceCredited(UUID eventId, Instant occurredAt, String premiseId, String paymentId, long amountPaise,
		long balanceAfterPaise) implements DomainEvent {

	public BalanceCredited {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.text(paymentId, "paymentId");
		Require.positive(amountPaise, "amountPaise");
	}

}
