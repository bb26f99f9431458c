package eco.qubeprepaid.poller.polling.application;

import eco.qubeprepaid.events.DeviceSnapshotted;

/** The port through which snapshots leave the poller, keyed by premise. */
public interface SnapshotPublisher {

	/**
	 * Publishes a snapshot and returns once the broker acknowledged it, so that the
	 * snapshots of one premise are delivered in the order they were published.
	 * @param snapshot the snapshot
	 */
	void publish(DeviceSnapshotted snapshot);

}
