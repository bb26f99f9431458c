package eco.qubeprepaid.balance.ledger.application;

import eco.qubeprepaid.balance.work.UnitOfWork;

/**
 * The ledger's in-transaction notification that money was taken out of a wallet other
 * than for energy (a refund, an operator's debit): published synchronously, under the
 * premise's lock and inside the unit of work's transaction, so the policy brings the
 * meter down to the new balance in the same transaction (see {@link WalletCredited}).
 *
 * @param work the transaction's unit of work, holding the premise's lock
 * @param premiseId the premise
 * @param amountPaise the amount taken out
 */
public record WalletDebited(UnitOfWork work, String premiseId, long amountPaise) {
}
