package eco.qubeprepaid.payment.portal.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-time code to sign in to the portal, as stored: only its HMAC.
 *
 * @param codeId its id (the form carries it beside the digits)
 * @param tenantId whose it is
 * @param codeHash the HMAC of the code
 * @param createdAt when it was made
 * @param expiresAt until when it works
 * @param attempts wrong guesses so far
 * @param usedAt when it signed the tenant in, or null
 */
public record SignInCode(UUID codeId, UUID tenantId, String codeHash, Instant createdAt, Instant expiresAt,
		int attempts, Instant usedAt) {

	/** The wrong guesses that end a code. */
	public static final int MAX_ATTEMPTS = 5;

	/**
	 * @param now now
	 * @return whether a guess may still be checked
	 */
	public boolean open(Instant now) {
		return this.usedAt == null && now.isBefore(this.expiresAt) && this.attempts < MAX_ATTEMPTS;
	}

}
