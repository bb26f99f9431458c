package eco.qubeprepaid.poller.command.domain;

import java.util.Set;

/**
 * What to do when applying a command fails, and when a balance read back counts as the
 * one written.
 */
public final class CommandRules {

	/** Failures that pass: the meter is offline or the API is busy or broken for now. */
	private static final Set<String> TRANSIENT = Set.of("device_offline", "rate_limit_exceeded", "internal_error");

	/**
	 * The device id no longer answers: it was probably replaced, so the registry must be
	 * refreshed before the next try.
	 */
	private static final Set<String> STALE_DEVICE = Set.of("device_not_found", "device_not_in_space");

	private CommandRules() {
	}

	/**
	 * Classifies a Qube error code.
	 * @param errorCode the {@code error.code}
	 * @return what to do next
	 */
	public static Next afterError(String errorCode) {
		if (errorCode == null || TRANSIENT.contains(errorCode)) {
			return Next.RETRY;
		}
		if (STALE_DEVICE.contains(errorCode)) {
			return Next.REDISCOVER_AND_RETRY;
		}
		// relay_not_available, invalid_state, insufficient_balance, validation_error,
		// authentication_error: the same write would be refused again.
		return Next.GIVE_UP;
	}

	/**
	 * Tells whether a balance read back after an absolute set shows the set took effect.
	 * A PREPAID meter keeps deducting between the write and the read-back, so a reading a
	 * little below the target is the written value minus that consumption; anything
	 * above, or far below, is not.
	 * @param written the balance written
	 * @param observed the balance read back
	 * @return true if the write took effect
	 */
	public static boolean balanceTookEffect(long written, long observed) {
		long tolerance = 100 + written / 100;
		return observed <= written && written - observed <= tolerance;
	}

	/** What to do after a failed try. */
	public enum Next {

		/** Try again after the retry interval, until the command expires. */
		RETRY,

		/** Refresh the registry, then try again. */
		REDISCOVER_AND_RETRY,

		/** Report the command failed now. */
		GIVE_UP

	}

}
