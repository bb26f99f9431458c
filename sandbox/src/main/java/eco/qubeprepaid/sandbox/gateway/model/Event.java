package eco.qubeprepaid.sandbox.gateway.model;

import java.time.Instant;

/**
 * A webhook event as it was made: the entities are their state at that moment.
 *
 * @param id {@code evt_...}, the same on every delivery
 * @param type what happened
 * @param payment the payment (every event has one)
 * @param order the order, for order.paid, else null
 * @param refund the refund, for refund.processed, else null
 * @param createdAt when it was made
 */
public record Event(String id, EventType type, Payment payment, Order order, Refund refund, Instant createdAt) {

}
