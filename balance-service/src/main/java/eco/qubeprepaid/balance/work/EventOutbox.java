package eco.qubeprepaid.balance.work;

import java.util.List;

import eco.qubeprepaid.events.DomainEvent;

/**
 * Where a unit of work's events go: the platform's transactional outbox, in the unit's
 * transaction.
 */
@FunctionalInterface
public interface EventOutbox {

	/**
	 * @param events the events, in the order they are to be published
	 */
	void append(List<DomainEvent> events);

}
