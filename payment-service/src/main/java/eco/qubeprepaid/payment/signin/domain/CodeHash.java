package eco.qubeprepaid.payment.signin.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes six-digit codes and their HMACs (keyed by the portal's secret and bound to the
 * code's id), and compares a guess in constant time.
 */
public final class CodeHash {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] secret;

	/**
	 * @param secret the portal's secret
	 */
	public CodeHash(String secret) {
		if (secret == null || secret.isEmpty()) {
			throw new IllegalArgumentException("the portal's secret is empty");
		}
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
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
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal((codeId + ":" + code).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
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
