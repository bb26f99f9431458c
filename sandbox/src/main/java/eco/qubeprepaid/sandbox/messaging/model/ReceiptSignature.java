package eco.qubeprepaid.sandbox.messaging.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receipt signature ({@code X-Provider-Signature}): lowercase hex HMAC-SHA256 of the
 * exact body bytes with the receipt secret. Kept apart from the gateway's so the
 * simulators stay independent.
 */
public final class ReceiptSignature {

	private static final String ALGORITHM = "HmacSHA256";

	private ReceiptSignature() {
	}

	/** Lowercase hex HMAC-SHA256 of the bytes with the UTF-8 bytes of the secret. */
	public static String hex(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** Constant-time comparison of two strings (the API key). */
	public static boolean constantTimeEquals(String a, String b) {
		if (a == null || b == null) {
			return false;
		}
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

}
