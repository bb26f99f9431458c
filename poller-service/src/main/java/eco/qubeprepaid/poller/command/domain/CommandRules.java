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
	 * How many writes an older pending command of a premise may take before a newer one
	 * stops waiting for it: a balance set that keeps failing verification must not hold a
	 * relay command back until it expires.
	 */
	public static final int BLOCKING_ATTEMPTS = 3;

	/** The error code of a command replaced by a newer one of its kind. */
	public static final String SUPERSEDED = "superseded";

	/**
	 * The error code of a balance set refused because the meter holds more credit than
	 * the requester knew of (an absolute set would erase it).
	 */
	public static final String METER_BALANCE_CHANGED = "meter_balance_changed";

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

	/**
	 * Tells whether a balance read back shows an absolute set took effect, knowing the
	 * balance just before the write: a set that raised the balance took effect if the
	 * reading is above the balance before and at most the target (the meter deducts in
	 * between, by any amount its load draws, so no tolerance is needed); a set that
	 * lowered it, as {@link #balanceTookEffect(long, long)}.
	 * @param before the balance read just before the write, or {@code null}
	 * @param written the balance written
	 * @param observed the balance read back
	 * @return true if the write took effect
	 */
	public static boolean balanceTookEffect(Long before, long written, long observed) {
		if (before != null && written > before) {
			return observed > before && observed <= written;
		}
		return balanceTookEffect(written, observed);
	}

	/**
	 * Tells whether a balance set must be refused because the meter shows more than its
	 * requester allowed for: credit reached the meter from elsewhere, and an absolute set
	 * would erase it.
	 * @param expectedAtMost the most the requester expected, or {@code null} (no check)
	 * @param current the meter's balance now, or {@code null} if unknown
	 * @return true if the set must not be written
	 */
	public static boolean creditWouldBeErased(Long expectedAtMost, Long current) {
		return expectedAtMost != null && current != null && current > expectedAtMost;
	}

	/**
	 * The same check for a set that may have been written before: a write of it was sent
	 * (and perhaps landed, its outcome lost to a crash or a lost answer), so a meter
	 * between what the requester expected and the set's own balance shows (what is left
	 * of) this set, not credit from elsewhere; only more than the set's balance is. A set
	 * that lowers the balance is checked as before.
	 * @param expectedAtMost the most the requester expected, or {@code null} (no check)
	 * @param target the balance the set writes
	 * @param writeSent whether a write of this set was sent before
	 * @param current the meter's balance now, or {@code null} if unknown
	 * @return true if the set must not be written
	 */
	public static boolean creditWouldBeErased(Long expectedAtMost, long target, boolean writeSent, Long current) {
		if (expectedAtMost == null) {
			return false;
		}
		return creditWouldBeErased(writeSent ? Math.max(expectedAtMost, target) : expectedAtMost, current);
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
