package eco.qubeprepaid.balance.work;

import java.time.Instant;

/**
 * A feature's part of a {@link UnitOfWork}: the state that feature owns for the locked
 * premises, read in bulk when first needed, changed in memory, and written in bulk at the
 * end of the transaction. Each feature declares its part and the port it writes through
 * in its own package; the unit of work knows none of them.
 */
public interface UnitPart {

	/**
	 * Writes what this part collected, in the unit's transaction.
	 * @param now the time of the writes
	 */
	void flush(Instant now);

	/**
	 * Opens a feature's part for a unit of work (a Spring bean per feature).
	 *
	 * @param <P> the part's type
	 */
	interface Factory<P extends UnitPart> {

		/**
		 * @return the part's type, by which callers ask a unit for it
		 */
		Class<P> type();

		/**
		 * @return where the part is written among the others, lower first: the ledger's
		 * postings before the rows that follow from them, and the outbox after all
		 */
		int flushOrder();

		/**
		 * @param work the unit of work
		 * @return a new part for it
		 */
		P open(UnitOfWork work);

	}

}
