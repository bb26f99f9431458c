package eco.qubeprepaid.sandbox.gateway.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures as lowercase hex: of the raw webhook body with the webhook
 * secret, and of {@code order_id|payment_id} with the key secret for the checkout
 * callback.
 */
public final class Signatures {

	private static final String ALGORITHM = "HmacSHA256";

	private Signatures() {
	}

	/** Lowercase hex HMAC-SHA256 of the bytes with the UTF-8 bytes of the secret. */
	public static String hmacSha256Hex(String secret, byte[] data) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			return HexFormat.of().formatHex(mac.doFinal(data));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** The checkout callback's {@code razorpay_signature}. */
	public static String paymentSignature(String keySecret, String orderId, String paymentId) {
		return hmacSha256Hex(keySecret, (orderId + "|" + paymentId).getBytes(StandardCharsets.UTF_8));
	}

	/** Constant-time comparison of two strings (credentials, signatures). */
	public static boolean constantTimeEquals(String a, String b) {
		if (a == null || b == null) {
			return false;
		}
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

}
