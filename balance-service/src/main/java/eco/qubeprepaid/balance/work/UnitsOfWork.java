package eco.qubeprepaid.balance.work;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens {@link UnitOfWork}s, taking the premises' locks (the one place they are taken),
 * and writes them, part by part and then the outbox, in the caller's transaction: an
 * application service's.
 */
@Component
public class UnitsOfWork {

	private final PremiseLocks locks;

	private final Map<Class<?>, UnitPart.Factory<?>> factories = new HashMap<>();

	private final EventOutbox outbox;

	private final Clock clock;

	public UnitsOfWork(PremiseLocks locks, List<UnitPart.Factory<?>> factories, EventOutbox outbox, Clock clock) {
		this.locks = locks;
		factories.forEach((factory) -> {
			if (this.factories.put(factory.type(), factory) != null) {
				throw new IllegalStateException("two unit parts of type " + factory.type().getName());
			}
		});
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Locks the premises for the rest of the transaction and opens a unit of work over
	 * them.
	 * @param premiseIds the premises
	 * @return the unit
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UnitOfWork open(Collection<String> premiseIds) {
		this.locks.lock(premiseIds);
		return new UnitOfWork(premiseIds, this.factories);
	}

	/**
	 * Writes the unit's parts in their flush order, then its events to the outbox, so the
	 * events' order is the order they were published in.
	 * @param work the unit
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void flush(UnitOfWork work) {
		Instant now = this.clock.instant();
		work.partsInFlushOrder().forEach((part) -> part.flush(now));
		if (!work.events().isEmpty()) {
			this.outbox.append(work.events());
		}
	}

}
