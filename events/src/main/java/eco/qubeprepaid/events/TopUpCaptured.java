package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.UUID;

/**
 * payment-service confirmed that a tenant's payment was captured by the gateway.
 *
 * @param eventId the event id
 * @param occurredAt when payment-service recorded it
 * @param premiseId the premise's stable identity
 * @param paymentId the gateway's payment id (the idempotency key downstream)
 * @param amountPaise the amount captured, in paise
 * @param gateway the gateway's name
 * @param capturedAt when the gateway captured it
 */
public record TopUpCaptured(UUID eventId, Instant occurredAt, String premiseId, String paymentId, long amountPaise,
		String gateway, Instant capturedAt) implements DomainEvent {

	public TopUpCaptured {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.text(paymentId, "paymentId");
		Require.positive(amountPaise, "amountPaise");
		Require.text(gateway, "gateway");
		Require.present(capturedAt, "capturedAt");
	}

}
