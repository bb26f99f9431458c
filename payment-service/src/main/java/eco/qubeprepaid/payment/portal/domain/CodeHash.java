package eco.qubeprepaid.payment.portal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;

import eco.qubeprepaid.payment.gateway.domain.WebhookSignature;

/**
 * Makes six-digit codes and their HMACs (keyed by the portal's secret and bound to the
 * code's id, the same HMAC-SHA256 as the gateway's webhooks and the sign-in links), and
 * compares a guess in constant time.
 */
public final class CodeHash {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String secret;

	/**
	 * @param secret the portal's secret
	 */
	public CodeHash(String secret) {
		if (secret == null || secret.isEmpty()) {
			throw new IllegalArgumentException("the portal's secret is empty");
		}
		this.secret = secret;
	}

	/**
	 * @return six random digits
	 */
	public static String newCode() {
		return String.format("%06d", RANDOM.nextInt(1_000_000));
	}

	/**
	 * @param codeId the code's id
	 * @param code the digits
	 * @return the hex HMAC-SHA256 of {@code codeId:code}
	 */
	public String hash(UUID codeId, String code) {
		return WebhookSignature.sign(this.secret, (codeId + ":" + code).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param stored the stored code
	 * @param guess what the tenant typed
	 * @return whether it is the code
	 */
	public boolean matches(SignInCode stored, String guess) {
		String given = hash(stored.codeId(), (guess != null) ? guess.trim() : "");
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
				stored.codeHash().getBytes(StandardCharsets.US_ASCII));
	}

}
