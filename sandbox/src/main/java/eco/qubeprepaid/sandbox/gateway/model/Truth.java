package eco.qubeprepaid.sandbox.gateway.model;

import java.util.List;

/**
 * The whole ground truth at one moment.
 *
 * @param orders every order, in creation order
 * @param payments every payment, in creation order
 * @param refunds every refund, in creation order
 * @param events every event, in creation order, with its attempts
 * @param capturedTotal paise of every captured payment (refunded or not)
 * @param refundedTotal paise of every processed refund
 * @param pendingDeliveries deliveries queued, waiting for a webhook URL or in flight
 */
public record Truth(List<Order> orders, List<Payment> payments, List<Refund> refunds, List<EventRecord> events,
		long capturedTotal, long refundedTotal, int pendingDeliveries) {

}
