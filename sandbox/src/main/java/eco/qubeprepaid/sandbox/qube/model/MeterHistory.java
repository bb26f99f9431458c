package eco.qubeprepaid.sandbox.qube.model;

import java.util.function.Consumer;

/**
 * One meter's history as compact parallel arrays, one entry per closed 15-minute slot, in
 * a ring buffer that grows on demand up to a fixed retention and then drops the oldest
 * slot. 23 bytes per sample (4 slot, 8 energy, 4 balance, 4 power, 2 voltage, 1 flags),
 * so 5,000 meters keep one day (96 samples each) in about 11 MB and 32 days in about 340
 * MB.
 */
final class MeterHistory {

	private static final int INITIAL_CAPACITY = 8;

	private final int maxSamples;

	private int[] slot = new int[0];

	private long[] energyMilliWh = new long[0];

	private int[] balance = new int[0];

	private int[] powerDeciW = new int[0];

	private short[] voltageDeciV = new short[0];

	private byte[] flags = new byte[0];

	private int head;

	private int size;

	MeterHistory(int maxSamples) {
		if (maxSamples < 1) {
			throw new IllegalArgumentException("maxSamples must be positive");
		}
		this.maxSamples = maxSamples;
	}

	/** Appends the sample of a closed slot; slots must arrive in increasing order. */
	void append(Sample sample) {
		if (this.size > 0 && sample.slot() <= this.slot[index(this.size - 1)]) {
			throw new IllegalStateException("history slots must increase");
		}
		if (this.size == this.slot.length) {
			if (this.slot.length < this.maxSamples) {
				// Grow by half (at least a day of samples) rather than doubling, so
				// little capacity is idle.
				grow(Math.min(this.maxSamples,
						Math.max(INITIAL_CAPACITY, this.slot.length + Math.max(96, this.slot.length / 2))));
			}
			else {
				this.head = (this.head + 1) % this.slot.length;
				this.size--;
			}
		}
		int i = index(this.size);
		this.slot[i] = Math.toIntExact(sample.slot());
		this.energyMilliWh[i] = sample.energyMilliWh();
		// The live balance is exact; history saturates at the int range (Rs 2.1 crore).
		this.balance[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sample.balance()));
		this.powerDeciW[i] = sample.powerDeciW();
		this.voltageDeciV[i] = (short) sample.voltageDeciV();
		this.flags[i] = (byte) ((sample.relayState() ? 1 : 0) | (sample.activeTariff() << 1));
		this.size++;
	}

	/**
	 * Calls the consumer for every sample with {@code fromSlot <= slot < toSlot}, oldest
	 * first.
	 */
	void forEach(long fromSlot, long toSlot, Consumer<Sample> consumer) {
		int low = 0;
		int high = this.size;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (this.slot[index(mid)] < fromSlot) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		for (int n = low; n < this.size; n++) {
			int i = index(n);
			if (this.slot[i] >= toSlot) {
				return;
			}
			consumer.accept(new Sample(this.slot[i], this.energyMilliWh[i], this.balance[i], this.powerDeciW[i],
					this.voltageDeciV[i], (this.flags[i] & 1) != 0, this.flags[i] >> 1));
		}
	}

	int size() {
		return this.size;
	}

	private int index(int logical) {
		return (this.head + logical) % this.slot.length;
	}

	private void grow(int capacity) {
		int[] newSlot = new int[capacity];
		long[] newEnergy = new long[capacity];
		int[] newBalance = new int[capacity];
		int[] newPower = new int[capacity];
		short[] newVoltage = new short[capacity];
		byte[] newFlags = new byte[capacity];
		for (int n = 0; n < this.size; n++) {
			int i = index(n);
			newSlot[n] = this.slot[i];
			newEnergy[n] = this.energyMilliWh[i];
			newBalance[n] = this.balance[i];
			newPower[n] = this.powerDeciW[i];
			newVoltage[n] = this.voltageDeciV[i];
			newFlags[n] = this.flags[i];
		}
		this.slot = newSlot;
		this.energyMilliWh = newEnergy;
		this.balance = newBalance;
		this.powerDeciW = newPower;
		this.voltageDeciV = newVoltage;
		this.flags = newFlags;
		this.head = 0;
	}

	/**
	 * The state at the end of one 15-minute slot: the cumulative registers, the slot's
	 * mean power, its voltage, and the relay and tariff at the slot's end.
	 */
	record Sample(long slot, long energyMilliWh, long balance, int powerDeciW, int voltageDeciV, boolean relayState,
			int activeTariff) {
	}

}
