package eco.qubeprepaid.sandbox.gateway;

import java.util.List;

import eco.qubeprepaid.sandbox.support.SignedRequestReceiver;

/** The gateway's webhook receiver: signature and event id in Razorpay's headers. */
public final class WebhookReceiver extends SignedRequestReceiver {

	private WebhookReceiver() {
		super("/webhooks", "X-Razorpay-Signature", "X-Razorpay-Event-Id");
	}

	/** Starts a receiver on 127.0.0.1 and a free port. */
	public static WebhookReceiver start() {
		return new WebhookReceiver();
	}

	/** What was received of one event type. */
	public List<Received> ofType(String event) {
		return received().stream().filter((r) -> r.event().equals(event)).toList();
	}

	/** What was received of one event id. */
	public List<Received> ofId(String eventId) {
		return received().stream().filter((r) -> eventId.equals(r.eventId())).toList();
	}

}
