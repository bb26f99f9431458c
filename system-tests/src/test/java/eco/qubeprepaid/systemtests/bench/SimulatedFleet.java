package eco.qubeprepaid.systemtests.bench;

import java.util.SplittableRandom;

/**
 * A simple prepaid meter model for the overspend benchmark: each meter draws a base power
 * that varies per 15-minute slot (0.5x to 1.5x, seeded), is billed at its own tariff with
 * exact integer arithmetic (milli-Wh, paise, sub-paisa carried by pricing the cumulative
 * energy), and stops drawing once its relay is switched off. Time is in milliseconds from
 * the start of the run.
 */
final class SimulatedFleet {

	private static final long SLOT_MILLIS = 15 * 60_000L;

	private final long seed;

	private final int[] baseWatts;

	private final long[] tariff;

	private final long[] initialBalance;

	private final long[] wattMillis;

	private final long[] advancedTo;

	private final boolean[] relayOn;

	/**
	 * Creates a fleet. Balances are chosen so that each meter would run out after 0.5 to
	 * 24 hours at its base power, so a good part of the fleet runs out during a run of
	 * several hours, at spread-out moments.
	 * @param meters how many meters
	 * @param seed the seed
	 */
	SimulatedFleet(int meters, long seed) {
		this.seed = seed;
		SplittableRandom random = new SplittableRandom(seed);
		this.baseWatts = new int[meters];
		this.tariff = new long[meters];
		this.initialBalance = new long[meters];
		this.wattMillis = new long[meters];
		this.advancedTo = new long[meters];
		this.relayOn = new boolean[meters];
		for (int i = 0; i < meters; i++) {
			// Mostly small flats, some shops and offices: 100 W to 3 kW.
			this.baseWatts[i] = 100 + (int) Math.round(2900 * Math.pow(random.nextDouble(), 2));
			this.tariff[i] = 500 + 10L * random.nextInt(41);
			long paisePerHour = this.baseWatts[i] * this.tariff[i] / 1000;
			long hoursTimes100 = 50 + random.nextInt(2351);
			this.initialBalance[i] = Math.max(1, paisePerHour * hoursTimes100 / 100);
			this.relayOn[i] = true;
		}
	}

	int size() {
		return this.baseWatts.length;
	}

	/**
	 * Brings a meter's consumption up to a time.
	 * @param meter the meter
	 * @param millis the time
	 */
	void advance(int meter, long millis) {
		long t = this.advancedTo[meter];
		while (t < millis) {
			long slot = t / SLOT_MILLIS;
			long end = Math.min(millis, (slot + 1) * SLOT_MILLIS);
			if (this.relayOn[meter]) {
				this.wattMillis[meter] += watts(meter, slot) * (end - t);
			}
			t = end;
		}
		this.advancedTo[meter] = Math.max(this.advancedTo[meter], millis);
	}

	private long watts(int meter, long slot) {
		long mixed = new SplittableRandom(this.seed * 31 + meter * 1_000_003L + slot).nextLong(50, 151);
		return this.baseWatts[meter] * mixed / 100;
	}

	/**
	 * The balance now: the initial credit less the exact charge of all energy so far.
	 * @param meter the meter
	 * @return paise, negative once the meter overspends
	 */
	long balance(int meter) {
		long milliWh = this.wattMillis[meter] / 3_600;
		return this.initialBalance[meter] - Math.floorDiv(milliWh * this.tariff[meter], 1_000_000L);
	}

	boolean relayOn(int meter) {
		return this.relayOn[meter];
	}

	void switchOff(int meter) {
		this.relayOn[meter] = false;
	}

}
