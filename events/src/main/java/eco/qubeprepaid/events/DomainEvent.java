package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event and command on the wire carries: a unique id (the consumers'
 * idempotency key), the instant it happened and the key that orders it, which is the
 * premise's stable identity (never a Qube {@code device_id}, which changes when a meter
 * is replaced).
 */
public interface DomainEvent {

	/**
	 * @return the event's unique id; consumers record it to apply each event once
	 */
	UUID eventId();

	/**
	 * @return when the event happened (UTC instant)
	 */
	Instant occurredAt();

	/**
	 * @return the premise's stable identity, the Kafka record key
	 */
	String premiseId();

}
