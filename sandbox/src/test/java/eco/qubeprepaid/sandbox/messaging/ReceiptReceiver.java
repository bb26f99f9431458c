package eco.qubeprepaid.sandbox.messaging;

import java.util.List;

import eco.qubeprepaid.sandbox.support.SignedRequestReceiver;

/**
 * A delivery-receipt receiver, as notifier-service runs one: the signature in
 * {@code X-Provider-Signature}.
 */
public final class ReceiptReceiver extends SignedRequestReceiver {

	private ReceiptReceiver() {
		super("/receipts/sms", "X-Provider-Signature", null);
	}

	/** Starts a receiver on 127.0.0.1 and a free port. */
	public static ReceiptReceiver start() {
		return new ReceiptReceiver();
	}

	/** What was received for one message. */
	public List<Received> of(String messageId) {
		return received().stream().filter((r) -> messageId.equals(r.json().get("messageId").asString())).toList();
	}

}
