package eco.qubeprepaid.payment.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The signature the gateway adds when it sends the tenant back from the checkout: the hex
 * HMAC-SHA256 of {@code "<order id>|<payment id>"} with the API key secret. It proves the
 * payment id in the URL came from the gateway, not from someone editing the URL.
 */
public final class CheckoutSignature {

	private CheckoutSignature() {
	}

	/**
	 * @param orderId the order
	 * @param paymentId the payment the URL names
	 * @param signature the URL's signature
	 * @param keySecret the API key secret
	 * @return whether the gateway signed this pair
	 */
	public static boolean verifies(String orderId, String paymentId, String signature, String keySecret) {
		if (orderId == null || paymentId == null || signature == null) {
			return false;
		}
		String expected = WebhookSignature.sign(keySecret,
				(orderId + "|" + paymentId).getBytes(StandardCharsets.UTF_8));
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				signature.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
	}

}
