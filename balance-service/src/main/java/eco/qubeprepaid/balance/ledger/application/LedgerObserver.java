package eco.qubeprepaid.balance.ledger.application;

import eco.qubeprepaid.events.DeviceSnapshotted;

/**
 * A port for what must follow a wallet movement in the same database transaction (the
 * cut-off policy and reconciliation): the ledger calls it after its own effect, under the
 * premise's wallet lock, and knows nothing of what it does.
 */
public interface LedgerObserver {

	/**
	 * A snapshot was applied (not called for a duplicate).
	 * @param work the transaction's workspace, holding the premise's wallet
	 * @param snapshot the snapshot
	 * @param outcome what applying it did
	 * @param billed the interval it closed, for a billed snapshot; otherwise {@code null}
	 */
	void snapshotApplied(Workspace work, DeviceSnapshotted snapshot, SnapshotOutcome outcome, BilledEnergy billed);

	/**
	 * A top-up was credited (not called for a duplicate).
	 * @param work the transaction's workspace, holding the premise's wallet
	 * @param premiseId the premise
	 * @param amountPaise the amount
	 */
	void credited(Workspace work, String premiseId, long amountPaise);

}
