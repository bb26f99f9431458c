package eco.qubeprepaid.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * balance-service charged a premise's wallet for energy.
 *
 * @param eventId the event id
 * @param occurredAt when the ledger entry was committed
 * @param premiseId the premise's stable identity
 * @param sourceEventId the snapshot event that measured the energy (the idempotency key)
 * @param energyKwh the energy charged, exact
 * @param tariff the supply the energy came from
 * @param tariffPaisePerKwh the rate applied
 * @param amountPaise the amount debited
 * @param balanceAfterPaise the wallet balance after the debit (may be negative)
 */
public record BalanceDebited(UUID eventId, Instant occurredAt, String premiseId, UUID sourceEventId,
		BigDecimal energyKwh, TariffKind tariff, long tariffPaisePerKwh, long amountPaise,
		long balanceAfterPaise) implements DomainEvent {

	public BalanceDebited {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.present(sourceEventId, "sourceEventId");
		Require.present(energyKwh, "energyKwh");
		Require.present(tariff, "tariff");
		Require.nonNegative(tariffPaisePerKwh, "tariffPaisePerKwh");
		Require.nonNegative(amountPaise, "amountPaise");
		if (energyKwh.signum() < 0) {
			throw new IllegalArgumentException("energyKwh must be zero or more, was " + energyKwh);
		}
	}

}
