package eco.qubeprepaid.qube.client.model;

/**
 * The result of a control write (relay, mode, balance, tariff) checked by reading the
 * state back through the flattened metrics.
 *
 * @param <T> the type of the written value
 * @param operation the operation, for example {@code P4 set balance}
 * @param deviceId the device
 * @param desired the value written
 * @param observed the value read back, {@code null} when {@link WriteOutcome#UNVERIFIED}
 * @param outcome whether the read-back matched
 * @param sends how many times the write was sent (more than 1 only when a failed send was
 * followed by a read-back that showed the state not reached)
 * @param metrics the metrics of the last read-back, {@code null} when unverified
 * @param detail why the write is unverified or mismatched, {@code null} when verified
 */
public record VerifiedWrite<T>(String operation, String deviceId, T desired, T observed, WriteOutcome outcome,
		int sends, DeviceMetrics metrics, String detail) {

	/**
	 * Returns whether the device reports the desired state.
	 * @return true when verified
	 */
	public boolean isVerified() {
		return this.outcome == WriteOutcome.VERIFIED;
	}

}
