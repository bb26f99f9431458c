package eco.qubeprepaid.systemtests.billing;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The sandbox's ground truth of one premise (every device that carried its identity) at
 * one moment, as measured energy per (device, supply, rate), and what it means in money
 * over a period: the energy of the period per (supply, rate) across devices, priced as
 * the ledger defines a tariff segment, {@code floor(milli-Wh x rate / 10^6)} paise per
 * segment.
 */
final class GroundTruth {

	private final Map<Segment, Long> milliWh;

	private GroundTruth(Map<Segment, Long> milliWh) {
		this.milliWh = Map.copyOf(milliWh);
	}

	/**
	 * Reads the answer of {@code GET /admin/qube/truth?identity=...}.
	 * @param identityTruth the answer
	 * @return the energy per device, supply and rate
	 */
	static GroundTruth of(JsonNode identityTruth) {
		Map<Segment, Long> energy = new LinkedHashMap<>();
		for (JsonNode device : identityTruth.get("devices")) {
			for (JsonNode segment : device.get("segments")) {
				energy.merge(new Segment(segment.get("device_id").asString(), segment.get("active_tariff").asInt(),
						segment.get("rate").asLong()), segment.get("energy_milli_wh").asLong(), Long::sum);
			}
		}
		return new GroundTruth(energy);
	}

	/**
	 * Replaces what this truth says of one device by what an earlier truth said: used for
	 * a device retired by a replacement, whose truth must stay as it was at the
	 * replacement. (The sandbox, as of this writing, goes on accruing energy on a retired
	 * meter whenever its truth is read; see the module README.)
	 * @param deviceId the retired device
	 * @param atRetirement the truth of its premise read at the replacement
	 * @return the corrected truth
	 */
	GroundTruth withDeviceAsIn(String deviceId, GroundTruth atRetirement) {
		Map<Segment, Long> corrected = new LinkedHashMap<>();
		this.milliWh.forEach((segment, energy) -> {
			if (!segment.deviceId().equals(deviceId)) {
				corrected.put(segment, energy);
			}
		});
		atRetirement.milliWh.forEach((segment, energy) -> {
			if (segment.deviceId().equals(deviceId)) {
				corrected.put(segment, energy);
			}
		});
		return new GroundTruth(corrected);
	}

	/**
	 * Prices the energy measured since an earlier truth of the same premise.
	 * @param start the truth at the start of the period
	 * @return the expected charges
	 */
	Charges since(GroundTruth start) {
		Map<Rate, Long> perRate = new LinkedHashMap<>();
		this.milliWh.forEach((segment, total) -> perRate.merge(new Rate(segment.activeTariff(), segment.rate()),
				total - start.milliWh.getOrDefault(segment, 0L), Long::sum));
		long[] totals = new long[4];
		perRate.forEach((rate, energy) -> {
			int offset = (rate.activeTariff() == DG) ? 2 : 0;
			totals[offset] += energy;
			totals[offset + 1] += Math.floorDiv(Math.multiplyExact(energy, rate.paisePerKwh()), 1_000_000L);
		});
		return new Charges(totals[0], totals[1], totals[2], totals[3]);
	}

	/** The sandbox's {@code active_tariff} of a generator (DG) supply. */
	static final int DG = 2;

	private record Segment(String deviceId, int activeTariff, long rate) {
	}

	private record Rate(int activeTariff, long paisePerKwh) {
	}

	/**
	 * Energy and energy charges of a premise over a period, split by supply.
	 *
	 * @param ebMilliWh grid energy
	 * @param ebPaise grid charges
	 * @param dgMilliWh generator energy
	 * @param dgPaise generator charges
	 */
	record Charges(long ebMilliWh, long ebPaise, long dgMilliWh, long dgPaise) {

		long totalPaise() {
			return this.ebPaise + this.dgPaise;
		}

	}

}
