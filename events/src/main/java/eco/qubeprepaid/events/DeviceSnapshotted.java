package eco.qubeprepaid.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * poller-service read a meter. Values the meter did not report are {@code null}; an
 * offline meter is reported with {@code online = false} and its last known values.
 *
 * @param eventId the event id
 * @param occurredAt when the poller published it
 * @param premiseId the premise's stable identity (a UDF value, e.g. udf1)
 * @param apiKeyName the name (never the secret) of the Qube API key the meter is read
 * with
 * @param deviceId the Qube device id now at the premise
 * @param epoch the premise's meter epoch: a new one starts at each replacement or
 * register reset
 * @param online whether the meter was online
 * @param energyKwh the cumulative energy register in kWh, exact
 * @param activePowerW the active power in W
 * @param voltageV the voltage in V
 * @param balancePaise the meter's own balance in paise
 * @param relayOn whether the relay was closed (supply on)
 * @param mode the meter's mode
 * @param ebTariffPaisePerKwh the grid tariff in paise per kWh
 * @param dgTariffPaisePerKwh the generator tariff in paise per kWh
 * @param activeTariff which tariff was in force
 * @param pgEnabled whether Qube's own payment gateway may recharge the meter
 * @param observedAt when the meter was read, with the IST offset
 * @param hasRelay whether the meter can switch the supply ({@code has_relay}), or
 * {@code null} if not reported (added within version 1)
 */
public record DeviceSnapshotted(UUID eventId, Instant occurredAt, String premiseId, String apiKeyName, String deviceId,
		int epoch, boolean online, BigDecimal energyKwh, BigDecimal activePowerW, BigDecimal voltageV,
		Long balancePaise, Boolean relayOn, MeterMode mode, Long ebTariffPaisePerKwh, Long dgTariffPaisePerKwh,
		TariffKind activeTariff, Boolean pgEnabled, OffsetDateTime observedAt,
		Boolean hasRelay) implements DomainEvent {

	public DeviceSnapshotted {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.text(deviceId, "deviceId");
		Require.positive(epoch, "epoch");
		Require.present(observedAt, "observedAt");
		if (energyKwh != null && energyKwh.signum() < 0) {
			throw new IllegalArgumentException("energyKwh must be zero or more, was " + energyKwh);
		}
	}

}
