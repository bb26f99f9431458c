package eco.qubeprepaid.balance.work;

import java.time.Instant;
import java.util.function.Function;

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
	 * Opens a feature's part for each unit of work: each feature declares one as a Spring
	 * bean (a subclass naming its part, its flush order and how to open it).
	 *
	 * @param <P> the part's type
	 */
	class Factory<P extends UnitPart> {

		private final Class<P> type;

		private final int flushOrder;

		private final Function<UnitOfWork, P> opener;

		/**
		 * @param type the part's type, by which callers ask a unit for it
		 * @param flushOrder where the part is written among the others, lower first: the
		 * ledger's postings before the rows that follow from them, and the outbox after
		 * all
		 * @param opener opens a new part for a unit of work
		 */
		protected Factory(Class<P> type, int flushOrder, Function<UnitOfWork, P> opener) {
			this.type = type;
			this.flushOrder = flushOrder;
			this.opener = opener;
		}

		Class<P> type() {
			return this.type;
		}

		int flushOrder() {
			return this.flushOrder;
		}

		P open(UnitOfWork work) {
			return this.opener.apply(work);
		}

	}

}
