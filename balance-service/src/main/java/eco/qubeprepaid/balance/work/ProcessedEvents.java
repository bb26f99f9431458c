package eco.qubeprepaid.balance.work;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * The consumed events' ids, whose primary key makes every effect of a consumed event
 * happen once: an id is marked in the transaction of its effect.
 */
public interface ProcessedEvents {

	/**
	 * @param eventId an event id
	 * @param eventType its type token
	 * @return whether it was new (and is now marked)
	 */
	boolean markProcessed(UUID eventId, String eventType);

	/**
	 * @param eventIds event ids
	 * @param eventType their type token
	 * @return those that were new (and are now marked)
	 */
	Set<UUID> markProcessed(Collection<UUID> eventIds, String eventType);

}
