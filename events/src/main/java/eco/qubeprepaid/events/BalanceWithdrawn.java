package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * balance-service took money out of a premise's wallet other than for energy or a fixed
 * charge: a refund to the tenant through the gateway, or an operator's debit adjustment.
 *
 * @param eventId the event id
 * @param occurredAt when the ledger entry was committed
 * @param premiseId the premise's stable identity
 * @param reference the ledger's idempotency key ({@code refund:<refund>},
 * {@code adjustment:<premise>:<key>})
 * @param amountPaise the amount taken out, more than zero
 * @param balanceAfterPaise the wallet balance after it (below the floor only with an
 * operator's explicit override)
 * @param source {@value #SOURCE_REFUND} or {@value #SOURCE_ADJUSTMENT}
 * @param reason the operator's reason
 */
public record BalanceWithdrawn(UUID eventId, Instant occurredAt, String premiseId, String reference, long amountPaise,
		long balanceAfterPaise, String source, String reason) implements DomainEvent {

	/** A refund to the tenant through the payment gateway. */
	public static final String SOURCE_REFUND = "refund";

	/** An operator's debit adjustment. */
	public static final String SOURCE_ADJUSTMENT = "adjustment";

	private static final Set<String> SOURCES = Set.of(SOURCE_REFUND, SOURCE_ADJUSTMENT);

	public BalanceWithdrawn {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.text(reference, "reference");
		Require.positive(amountPaise, "amountPaise");
		Require.text(reason, "reason");
		if (!SOURCES.contains(source)) {
			throw new IllegalArgumentException("unknown withdrawal source '" + source + "'");
		}
	}

}
