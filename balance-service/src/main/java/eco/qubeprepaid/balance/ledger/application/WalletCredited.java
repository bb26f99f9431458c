package eco.qubeprepaid.balance.ledger.application;

import eco.qubeprepaid.balance.work.UnitOfWork;

/**
 * The ledger's in-transaction notification that a top-up was credited (never for a
 * duplicate): published synchronously, under the premise's lock and inside the unit of
 * work's transaction (see {@link SnapshotApplied}).
 *
 * @param work the transaction's unit of work, holding the premise's lock
 * @param premiseId the premise
 * @param amountPaise the amount
 */
public record WalletCredited(UnitOfWork work, String premiseId, long amountPaise) {
}
