package eco.qubeprepaid.poller.registry.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A premise as the poller knows it: its stable identity, the API key it is read with, the
 * meter installed now and the meter epoch. An epoch is one continuous run of one energy
 * register: it starts when the premise is first discovered, when its device is replaced
 * (a new {@code device_id} under the same identity) and when the register is seen to drop
 * (a reset).
 *
 * @param identity the stable identity
 * @param apiKeyName the name of the key that sees the premise
 * @param deviceId the device installed now
 * @param epoch the current epoch, from 1
 * @param last the last reading, {@code null} before the first poll of this epoch
 */
public record Premise(PremiseIdentity identity, String apiKeyName, String deviceId, int epoch, LastReading last) {

	public Premise {
		Objects.requireNonNull(identity, "identity");
		Objects.requireNonNull(apiKeyName, "apiKeyName");
		Objects.requireNonNull(deviceId, "deviceId");
		if (epoch < 1) {
			throw new IllegalArgumentException("epoch starts at 1, was " + epoch);
		}
	}

	/**
	 * A premise seen for the first time.
	 * @param identity the identity
	 * @param apiKeyName the key
	 * @param deviceId the device
	 * @return the premise in epoch 1
	 */
	public static Premise discovered(PremiseIdentity identity, String apiKeyName, String deviceId) {
		return new Premise(identity, apiKeyName, deviceId, 1, null);
	}

	/**
	 * Tells whether discovery shows another device under this identity, which is how a
	 * meter replacement appears in the API.
	 * @param seenDeviceId the device discovery found under the identity
	 * @return true if the device changed
	 */
	public boolean isReplacedBy(String seenDeviceId) {
		return !this.deviceId.equals(seenDeviceId);
	}

	/**
	 * The premise after a replacement: a new device and a new epoch with no reading yet.
	 * @param newDeviceId the new device
	 * @param keyName the key that sees it now
	 * @return the premise in its next epoch
	 */
	public Premise replacedBy(String newDeviceId, String keyName) {
		return new Premise(this.identity, keyName, newDeviceId, this.epoch + 1, null);
	}

	/**
	 * Tells whether a reading shows the energy register below the last value seen in this
	 * epoch. A cumulative register only grows, so a drop on the same device is a reset or
	 * a rollover; balance-service detects it too, and the poller starts a new epoch so
	 * that no consumer ever subtracts across it.
	 * @param energyKwh the register now, may be {@code null}
	 * @return true if the register dropped
	 */
	public boolean registerDroppedTo(BigDecimal energyKwh) {
		return energyKwh != null && this.last != null && this.last.energyKwh() != null
				&& energyKwh.compareTo(this.last.energyKwh()) < 0;
	}

	/**
	 * The premise after a register drop: same device, next epoch.
	 * @return the premise in its next epoch
	 */
	public Premise afterRegisterDrop() {
		return new Premise(this.identity, this.apiKeyName, this.deviceId, this.epoch + 1, null);
	}

	/**
	 * The premise with a new last reading.
	 * @param reading the reading
	 * @return the updated premise
	 */
	public Premise withLast(LastReading reading) {
		return new Premise(this.identity, this.apiKeyName, this.deviceId, this.epoch, reading);
	}

}
