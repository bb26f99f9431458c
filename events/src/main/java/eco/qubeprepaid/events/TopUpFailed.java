package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's top-up payment failed at the gateway (declined, cancelled, timed out): no
 * money moved, and the tenant should hear so at once, with what to do.
 *
 * @param eventId the event id
 * @param occurredAt when payment-service recorded the failure
 * @param premiseId the premise's stable identity
 * @param topUpId payment-service's top-up id
 * @param amountPaise the amount that was to be paid
 * @param reason the gateway's reason, as it gave it (e.g. {@code payment_declined}), or
 * {@code null}
 */
public record TopUpFailed(UUID eventId, Instant occurredAt, String premiseId, UUID topUpId, long amountPaise,
		String reason) implements DomainEvent {

	public TopUpFailed {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.present(topUpId, "topUpId");
		Require.positive(amountPaise, "amountPaise");
	}

}
