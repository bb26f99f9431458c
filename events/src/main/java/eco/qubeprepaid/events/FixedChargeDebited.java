package eco.qubeprepaid.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * balance-service charged a premise's wallet its fixed daily charge for one IST calendar
 * day. Charged at most once per premise and day.
 *
 * @param eventId the event id
 * @param occurredAt when the ledger entry was committed
 * @param premiseId the premise's stable identity
 * @param chargeDate the IST calendar day charged for (the idempotency key with the
 * premise)
 * @param amountPaise the amount debited
 * @param balanceAfterPaise the wallet balance after the debit (may be negative)
 */
public record FixedChargeDebited(UUID eventId, Instant occurredAt, String premiseId, LocalDate chargeDate,
		long amountPaise, long balanceAfterPaise) implements DomainEvent {

	public FixedChargeDebited {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.present(chargeDate, "chargeDate");
		Require.positive(amountPaise, "amountPaise");
	}

}
