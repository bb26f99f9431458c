package eco.qubeprepaid.balance.ledger.application;

import eco.qubeprepaid.balance.work.UnitOfWork;
import eco.qubeprepaid.events.DeviceSnapshotted;

/**
 * The ledger's in-transaction notification that a snapshot was applied (never for a
 * duplicate): published synchronously, under the premise's lock and inside the unit of
 * work's transaction, so that what follows a wallet movement (the cut-off policy,
 * reconciliation) commits with it or not at all. The ledger knows nothing of its
 * subscribers.
 *
 * @param work the transaction's unit of work, holding the premise's lock
 * @param snapshot the snapshot
 * @param outcome what applying it did
 * @param billed the interval it closed, for a billed snapshot; otherwise {@code null}
 */
public record SnapshotApplied(UnitOfWork work, DeviceSnapshotted snapshot, SnapshotOutcome outcome,
		BilledEnergy billed) {
}
