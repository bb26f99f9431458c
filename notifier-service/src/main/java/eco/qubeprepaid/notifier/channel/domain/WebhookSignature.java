package eco.qubeprepaid.notifier.channel.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a body, as hex: how operators check a webhook came from us, and how we
 * check a delivery receipt came from the messaging provider.
 */
public final class WebhookSignature {

	private WebhookSignature() {
	}

	/**
	 * @param secret the shared secret
	 * @param body the raw body
	 * @return the hex HMAC-SHA256
	 */
	public static String hex(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param secret the shared secret
	 * @param body the raw body
	 * @param signature the hex signature that came with it, or null
	 * @return whether it is the body's signature (compared in constant time)
	 */
	public static boolean verifies(String secret, byte[] body, String signature) {
		if (signature == null || secret == null || secret.isEmpty()) {
			return false;
		}
		return MessageDigest.isEqual(hex(secret, body).getBytes(StandardCharsets.US_ASCII),
				signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

}
