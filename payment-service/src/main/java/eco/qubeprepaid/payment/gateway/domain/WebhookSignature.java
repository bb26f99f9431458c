package eco.qubeprepaid.payment.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's webhook signature: the lowercase hex HMAC-SHA256 of the exact raw body
 * bytes with the webhook secret. During a rotation both the new and the old secret are
 * accepted.
 */
public final class WebhookSignature {

	private static final String ALGORITHM = "HmacSHA256";

	private final List<byte[]> secrets;

	/**
	 * @param secrets the secrets accepted, the current one first (at least one)
	 */
	public WebhookSignature(List<String> secrets) {
		if (secrets.isEmpty() || secrets.stream().anyMatch((secret) -> secret == null || secret.isBlank())) {
			throw new IllegalArgumentException("At least one non-blank webhook secret is needed");
		}
		this.secrets = secrets.stream().map((secret) -> secret.getBytes(StandardCharsets.UTF_8)).toList();
	}

	/**
	 * Signs a body with a secret (the gateway's side, and tests').
	 * @param secret the secret
	 * @param body the raw body
	 * @return the lowercase hex signature
	 */
	public static String sign(String secret, byte[] body) {
		return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
	}

	/**
	 * Checks a signature in constant time against every accepted secret.
	 * @param body the raw body, exactly as received
	 * @param signature the signature header's value
	 * @return whether one of the secrets signed this body
	 */
	public boolean verifies(byte[] body, String signature) {
		byte[] given;
		try {
			given = HexFormat.of().parseHex(signature.trim().toLowerCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		boolean matched = false;
		for (byte[] secret : this.secrets) {
			// Every secret is tried, so the time taken does not tell which one matched.
			matched |= MessageDigest.isEqual(hmac(secret, body), given);
		}
		return matched;
	}

	private static byte[] hmac(byte[] secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret, ALGORITHM));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
