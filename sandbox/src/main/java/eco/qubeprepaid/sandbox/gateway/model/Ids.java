package eco.qubeprepaid.sandbox.gateway.model;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Makes ids: a prefix and {@link GatewayChoices#ID_RANDOM_LENGTH} alphanumerics, from a
 * seeded source (reproducible runs) or a secure one. Thread-safe. The sequence is never
 * restarted, so ids do not repeat across a reset.
 */
public final class Ids {

	private final Random random;

	private Ids(Random random) {
		this.random = random;
	}

	/** Seeded when {@code seed} is not null, else from a secure random source. */
	public static Ids of(Long seed) {
		return new Ids((seed != null) ? new Random(seed) : new SecureRandom());
	}

	/** A new id with the given prefix. */
	public synchronized String next(String prefix) {
		StringBuilder id = new StringBuilder(prefix.length() + GatewayChoices.ID_RANDOM_LENGTH).append(prefix);
		for (int i = 0; i < GatewayChoices.ID_RANDOM_LENGTH; i++) {
			id.append(GatewayChoices.ID_ALPHABET.charAt(this.random.nextInt(GatewayChoices.ID_ALPHABET.length())));
		}
		return id.toString();
	}

}
