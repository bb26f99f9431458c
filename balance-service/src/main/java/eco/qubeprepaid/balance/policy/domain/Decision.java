package eco.qubeprepaid.balance.policy.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the policy decided on one input: the premise's new state and the effects to carry
 * out in the same transaction.
 *
 * @param next the new state
 * @param notices the low-balance rungs crossed downwards now
 * @param commands the device commands to request, in the order the meter must apply them
 * @param deferral why a cut-off that is owed was held back, if it was
 * @param overdue whether the owed supply was found overdue now (report it once)
 */
public record Decision(PolicyState next, List<LowBalanceNotice> notices, List<CommandRequest> commands,
		Optional<Deferral> deferral, boolean overdue) {

	public Decision {
		Objects.requireNonNull(next, "next");
		notices = List.copyOf(notices);
		commands = List.copyOf(commands);
		Objects.requireNonNull(deferral, "deferral");
	}

	/**
	 * @return the relay switch requested, if any
	 */
	public Optional<CommandRequest> relay() {
		return this.commands.stream().filter(CommandRequest::isRelay).findFirst();
	}

	/**
	 * @return the balance set requested, if any
	 */
	public Optional<CommandRequest> balanceSet() {
		return this.commands.stream().filter((c) -> !c.isRelay()).findFirst();
	}

	/**
	 * The scheduled cut-off to announce after this decision: an owed cut-off held back by
	 * a friendly window whose time was not announced before in the same episode. The
	 * decision is taken again on every input (every snapshot), so only the first of a
	 * time is announced; a new episode, or a time that moved, is announced again.
	 * @param before the state the decision was taken on
	 * @return the time to announce, if any
	 */
	public Optional<Announcement> announce(PolicyState before) {
		if (this.deferral.isEmpty() || this.deferral.get().reason() != DeferralReason.WINDOW
				|| this.deferral.get().until() == null) {
			return Optional.empty();
		}
		Instant until = this.deferral.get().until();
		Instant previously = (before.episode() == this.next.episode()) ? before.cutoffAnnouncedFor() : null;
		return until.equals(previously) ? Optional.empty()
				: Optional.of(new Announcement(this.next.episode(), until, previously));
	}

	/**
	 * A scheduled cut-off to announce.
	 *
	 * @param episode the cut-off episode
	 * @param scheduledFor when the cut-off will happen if nobody pays
	 * @param previously the time announced before in the episode, or {@code null}
	 */
	public record Announcement(long episode, Instant scheduledFor, Instant previously) {
	}

	/**
	 * A rung crossed downwards.
	 *
	 * @param rung the rung's label
	 * @param thresholdPaise its value for this premise
	 * @param balancePaise the balance that crossed it
	 */
	public record LowBalanceNotice(String rung, long thresholdPaise, long balancePaise) {
	}

	/**
	 * A cut-off held back.
	 *
	 * @param reason why
	 * @param until when it is scheduled, for {@link DeferralReason#WINDOW}; otherwise
	 * {@code null} (the next fresh snapshot from an online meter decides again)
	 */
	public record Deferral(DeferralReason reason, Instant until) {
	}

	/** Why an owed cut-off was held back (the {@code reason} tag of its metric). */
	public enum DeferralReason {

		/** Inside a friendly window. */
		WINDOW,
		/** The meter was offline. */
		OFFLINE,
		/** The data was older than the staleness bound. */
		STALE,
		/**
		 * The meter cannot be switched back on by a client (no relay, MEASUREMENT or
		 * RELAY_OFF mode), or it enforces itself (PREPAID): the system does not cut it.
		 */
		NOT_SWITCHABLE

	}

}
