package eco.qubeprepaid.poller.polling.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.poller.registry.domain.Premise;
import eco.qubeprepaid.qube.client.model.DeviceDetails;
import eco.qubeprepaid.qube.client.model.DeviceMetrics;
import eco.qubeprepaid.qube.client.model.Mode;
import eco.qubeprepaid.qube.client.model.Reading;

/**
 * Turns what the Qube API returned into {@link DeviceSnapshotted} events.
 */
final class Snapshots {

	private Snapshots() {
	}

	/**
	 * Tells whether E4 left out something a snapshot should carry, so that E5 is worth a
	 * second request (only for an online meter: E5 refuses offline ones).
	 */
	static boolean needsMetrics(DeviceDetails details) {
		return details.online()
				&& (energy(details) == null || details.relayState() == null || details.ebTariff() == null
						|| details.dgTariff() == null || details.activeTariff() == null || details.balance() == null);
	}

	static DeviceSnapshotted live(Premise premise, DeviceDetails d, DeviceMetrics m, Instant now,
			OffsetDateTime observedAt) {
		BigDecimal energy = firstNonNull(energy(d), (m != null) ? m.energy() : null);
		BigDecimal power = firstNonNull(d.reading("active_power").map(Reading::value).orElse(null),
				(m != null) ? m.activePower() : null);
		BigDecimal voltage = firstNonNull(d.reading("voltage").map(Reading::value).orElse(null),
				(m != null) ? m.voltage() : null);
		return new DeviceSnapshotted(UUID.randomUUID(), now, premise.identity().value(), premise.apiKeyName(),
				d.deviceId(), premise.epoch(), d.online(), energy, power, voltage,
				firstNonNull(d.balance(), (m != null) ? m.balance() : null),
				firstNonNull(d.relayState(), (m != null) ? m.relayState() : null),
				mode((d.activeMode() != Mode.UNKNOWN || m == null) ? d.activeMode() : m.mode()),
				firstNonNull(d.ebTariff(), (m != null) ? m.ebTariff() : null),
				firstNonNull(d.dgTariff(), (m != null) ? m.dgTariff() : null),
				tariff(firstNonNull(d.activeTariff(), (m != null) ? m.activeTariff() : null)),
				firstNonNull(d.pgEnabled(), (m != null) ? m.pgEnabled() : null), observedAt, d.hasRelay());
	}

	/**
	 * A gap-fill snapshot from one E6 bucket: only the register and the bucket end are
	 * known; the meter was not seen live, so {@code online} is false.
	 */
	static DeviceSnapshotted historical(Premise premise, BigDecimal energyKwh, OffsetDateTime bucketEnd, Instant now) {
		return new DeviceSnapshotted(UUID.randomUUID(), now, premise.identity().value(), premise.apiKeyName(),
				premise.deviceId(), premise.epoch(), false, energyKwh, null, null, null, null, null, null, null, null,
				null, bucketEnd, null);
	}

	static BigDecimal energy(DeviceDetails details) {
		return details.reading("energy").map(Reading::value).orElse(null);
	}

	private static MeterMode mode(Mode mode) {
		return (mode == null || mode == Mode.UNKNOWN) ? null : MeterMode.valueOf(mode.name());
	}

	private static TariffKind tariff(Integer activeTariff) {
		if (activeTariff == null) {
			return null;
		}
		return switch (activeTariff) {
			case 1 -> TariffKind.EB;
			case 2 -> TariffKind.DG;
			default -> null;
		};
	}

	private static <T> T firstNonNull(T first, T second) {
		return (first != null) ? first : second;
	}

}
