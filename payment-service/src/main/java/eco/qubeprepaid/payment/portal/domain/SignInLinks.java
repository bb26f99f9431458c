package eco.qubeprepaid.payment.portal.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed per-tenant sign-in links: {@code <tenant id>.<expiry, epoch seconds>.<HMAC>},
 * the HMAC-SHA256 of the first two parts with the portal's secret. A link names one
 * tenant and nothing else, and cannot be altered or extended without the secret.
 */
public final class SignInLinks {

	private final byte[] secret;

	/**
	 * @param secret the portal's link secret (at least 16 characters)
	 */
	public SignInLinks(String secret) {
		if (secret == null || secret.length() < 16) {
			throw new IllegalArgumentException("The portal's link secret must be at least 16 characters");
		}
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * @param tenantId the tenant
	 * @param expiresAt until when the link works
	 * @return the token
	 */
	public String token(UUID tenantId, Instant expiresAt) {
		String payload = tenantId + "." + expiresAt.getEpochSecond();
		return payload + "." + HexFormat.of().formatHex(mac(payload));
	}

	/**
	 * Checks a token.
	 * @param token the token as given
	 * @param now the time now
	 * @return the tenant it names, if it is genuine and not expired
	 */
	public Optional<UUID> verify(String token, Instant now) {
		if (token == null) {
			return Optional.empty();
		}
		String[] parts = token.split("\\.");
		if (parts.length != 3) {
			return Optional.empty();
		}
		try {
			UUID tenant = UUID.fromString(parts[0]);
			long expires = Long.parseLong(parts[1]);
			byte[] given = HexFormat.of().parseHex(parts[2]);
			boolean genuine = MessageDigest.isEqual(mac(parts[0] + "." + parts[1]), given);
			return (genuine && now.getEpochSecond() < expires) ? Optional.of(tenant) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] mac(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
