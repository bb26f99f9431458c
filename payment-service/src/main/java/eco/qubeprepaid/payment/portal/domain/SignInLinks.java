package eco.qubeprepaid.payment.portal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.payment.gateway.domain.WebhookSignature;

/**
 * Signed per-tenant sign-in links: {@code <tenant id>.<expiry, epoch seconds>.<HMAC>},
 * the HMAC-SHA256 of the first two parts with the portal's secret. A link names one
 * tenant and nothing else, and cannot be altered or extended without the secret.
 */
public final class SignInLinks {

	private final String secret;

	/**
	 * @param secret the portal's link secret (at least 16 characters)
	 */
	public SignInLinks(String secret) {
		if (secret == null || secret.length() < 16) {
			throw new IllegalArgumentException("The portal's link secret must be at least 16 characters");
		}
		this.secret = secret;
	}

	/**
	 * @param tenantId the tenant
	 * @param expiresAt until when the link works
	 * @return the token
	 */
	public String token(UUID tenantId, Instant expiresAt) {
		String payload = tenantId + "." + expiresAt.getEpochSecond();
		return payload + "." + mac(payload);
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
			boolean genuine = MessageDigest.isEqual(mac(parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8),
					parts[2].toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return (genuine && now.getEpochSecond() < expires) ? Optional.of(tenant) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private String mac(String payload) {
		return WebhookSignature.sign(this.secret, payload.getBytes(StandardCharsets.UTF_8));
	}

}
