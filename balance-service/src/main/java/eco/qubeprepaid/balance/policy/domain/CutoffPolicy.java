package eco.qubeprepaid.balance.policy.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import eco.qubeprepaid.balance.policy.domain.Decision.Deferral;
import eco.qubeprepaid.balance.policy.domain.Decision.DeferralReason;
import eco.qubeprepaid.balance.policy.domain.Decision.LowBalanceNotice;
import eco.qubeprepaid.balance.policy.domain.Decision.RelayRequest;

/**
 * The cut-off, restore and low-balance rules (DESIGN fact 6, ADR 0005). Pure: each method
 * takes the premise's policy, state and balance and returns a {@link Decision}.
 *
 * <p>
 * Which clock: a decision driven by a snapshot runs on the snapshot's {@code observedAt}
 * (data time), so a replayed backlog or an accelerated simulator is judged by the time
 * the meter was read; the periodic job that executes scheduled cut-offs runs on the
 * injected service {@link Clock}.
 */
public final class CutoffPolicy {

	/** The reason on relay-off commands. */
	public static final String REASON_CUTOFF = "credit-exhausted";

	/** The reason on relay-on commands. */
	public static final String REASON_RESTORE = "credit-restored";

	private final Duration staleness;

	private final Clock clock;

	/**
	 * Creates the rules.
	 * @param staleness how far a snapshot may lag the newest data for a cut-off to rely
	 * on it (data time for snapshots, service time for the periodic job)
	 * @param clock the service clock of the periodic job
	 */
	public CutoffPolicy(Duration staleness, Clock clock) {
		this.staleness = Objects.requireNonNull(staleness, "staleness");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (staleness.isNegative() || staleness.isZero()) {
			throw new IllegalArgumentException("staleness must be positive");
		}
	}

	/**
	 * Decides after a snapshot was applied to the ledger.
	 * @param premiseId the premise
	 * @param policy its policy
	 * @param state its state
	 * @param observation what the snapshot said
	 * @param balancePaise the ledger balance after the snapshot
	 * @return the decision
	 */
	public Decision onSnapshot(String premiseId, PremisePolicy policy, PolicyState state, Observation observation,
			long balancePaise) {
		Observation latest = observation.newest(state.latest());
		boolean fresh = !observation.observedAt().isBefore(latest.observedAt().minus(this.staleness));
		Instant now = observation.observedAt();
		PolicyState next = trackNegative(state.withLatest(latest), balancePaise, now);
		List<LowBalanceNotice> notices = new ArrayList<>();
		next = ladder(policy, next, balancePaise, notices, true);
		return relay(premiseId, policy, next, balancePaise, observation, now, fresh, notices);
	}

	/**
	 * Decides after a credit: records the top-up as the base of percentage rungs, re-arms
	 * the rungs the balance is back above and restores a cut premise. A credit never
	 * moves the balance down, so it never sends a notice.
	 * @param premiseId the premise
	 * @param policy its policy
	 * @param state its state
	 * @param amountPaise the credit
	 * @param balancePaise the ledger balance after it
	 * @param at when it was credited
	 * @return the decision
	 */
	public Decision onCredit(String premiseId, PremisePolicy policy, PolicyState state, long amountPaise,
			long balancePaise, Instant at) {
		PolicyState next = trackNegative(state.withLastTopUp(amountPaise), balancePaise, at);
		next = ladder(policy, next, balancePaise, new ArrayList<>(), false);
		return restoreOnly(premiseId, policy, next, balancePaise);
	}

	/**
	 * The periodic job's decision on the service clock: executes a scheduled cut-off once
	 * it is due, if it is still owed, on data that is fresh by the service clock.
	 * @param premiseId the premise
	 * @param policy its policy
	 * @param state its state
	 * @param balancePaise the ledger balance now
	 * @return the decision
	 */
	public Decision onTick(String premiseId, PremisePolicy policy, PolicyState state, long balancePaise) {
		Instant now = this.clock.instant();
		if (state.scheduledCutoffAt() == null || now.isBefore(state.scheduledCutoffAt()) || state.latest() == null) {
			return new Decision(state, List.of(), Optional.empty(), Optional.empty());
		}
		boolean fresh = !state.latest().observedAt().isBefore(now.minus(this.staleness));
		return relay(premiseId, policy, state, balancePaise, state.latest(), now, fresh, List.of());
	}

	/**
	 * An operator forced the relay: the automatic policy steps back. Forced off holds the
	 * supply off (no automatic restore) until an operator switches it on; forced on
	 * waives the current episode's cut-off until the balance is restored.
	 * @param policy the premise's policy
	 * @param state its state
	 * @param relayOn the forced direction
	 * @param commandId the operator command's id
	 * @param balancePaise the ledger balance now
	 * @return the new state
	 */
	public PolicyState onOperator(PremisePolicy policy, PolicyState state, boolean relayOn, UUID commandId,
			long balancePaise) {
		PolicyState next = state.withCommand(new RelayCommand(commandId, relayOn, RelayCommand.Status.REQUESTED),
				!relayOn);
		if (!relayOn) {
			RelayPhase phase = (next.phase() == RelayPhase.OWED) ? RelayPhase.CUT : next.phase();
			return next.withEpisode(phase, next.episode(), next.attempt(), null);
		}
		boolean owed = balancePaise < policy.cutoffLinePaise(next.negativeSince(), this.clock.instant());
		return next.withEpisode(owed ? RelayPhase.WAIVED : RelayPhase.CLEAR, next.episode(), next.attempt(), null);
	}

	private Decision relay(String premiseId, PremisePolicy policy, PolicyState state, long balancePaise,
			Observation observation, Instant now, boolean fresh, List<LowBalanceNotice> notices) {
		// A cut whose relay-off was abandoned (say it expired while the meter was
		// offline)
		// is owed again; any other cut, a waived episode and a meter that enforces itself
		// only wait for the restore.
		boolean cutFailed = state.phase() == RelayPhase.CUT && state.lastCommand() != null
				&& state.lastCommand().failed(false) && !state.operatorHold();
		if (policy.mode() == EnforcementMode.METER || (state.phase() == RelayPhase.CUT && !cutFailed)
				|| state.phase() == RelayPhase.WAIVED) {
			return withNotices(restoreOnly(premiseId, policy, state, balancePaise), notices);
		}
		if (state.phase() == RelayPhase.CLEAR && state.lastCommand() != null && state.lastCommand().failed(true)
				&& balancePaise >= policy.restoreMinimumPaise() && !state.operatorHold()) {
			// The last restore was abandoned: ask again under a new id.
			int attempt = state.attempt() + 1;
			PolicyState next = state.withEpisode(RelayPhase.CLEAR, state.episode(), attempt, null);
			UUID id = commandId(premiseId, "relay-on", state.episode(), attempt);
			return new Decision(next.withCommand(new RelayCommand(id, true, RelayCommand.Status.REQUESTED), false),
					notices, Optional.of(new RelayRequest(id, true, REASON_RESTORE)), Optional.empty());
		}
		long line = policy.cutoffLinePaise(state.negativeSince(), now);
		if (balancePaise >= line) {
			PolicyState next = (state.phase() == RelayPhase.CLEAR) ? state
					: state.withEpisode(RelayPhase.CLEAR, state.episode(), state.attempt(), null);
			return new Decision(next, notices, Optional.empty(), Optional.empty());
		}
		PolicyState owed = state;
		if (state.phase() == RelayPhase.CLEAR) {
			owed = state.withEpisode(RelayPhase.OWED, state.episode() + 1, 0, null);
		}
		else if (state.phase() == RelayPhase.CUT) {
			// The episode's relay-off failed: owe it again under the next attempt.
			owed = state.withEpisode(RelayPhase.OWED, state.episode(), state.attempt() + 1, null);
		}
		if (owed.operatorHold()) {
			return new Decision(owed, notices, Optional.empty(), Optional.empty());
		}
		// Stale or offline: no schedule; the next fresh snapshot from an online meter
		// decides again.
		PolicyState unscheduled = owed.withEpisode(RelayPhase.OWED, owed.episode(), owed.attempt(), null);
		if (!fresh) {
			return deferred(unscheduled, notices, DeferralReason.STALE, null);
		}
		if (!observation.online()) {
			return deferred(unscheduled, notices, DeferralReason.OFFLINE, null);
		}
		if (policy.windows().contains(now)) {
			Instant until = policy.windows().endOf(now);
			return deferred(owed.withEpisode(RelayPhase.OWED, owed.episode(), owed.attempt(), until), notices,
					DeferralReason.WINDOW, until);
		}
		if (!Boolean.TRUE.equals(observation.relayOn())) {
			// Already off (by hand or by the meter): nothing to switch, nothing to
			// restore.
			return new Decision(owed.withEpisode(RelayPhase.OWED, owed.episode(), owed.attempt(), null), notices,
					Optional.empty(), Optional.empty());
		}
		UUID id = commandId(premiseId, "relay-off", owed.episode(), owed.attempt());
		PolicyState cut = owed.withEpisode(RelayPhase.CUT, owed.episode(), owed.attempt(), null)
			.withCommand(new RelayCommand(id, false, RelayCommand.Status.REQUESTED), false);
		return new Decision(cut, notices, Optional.of(new RelayRequest(id, false, REASON_CUTOFF)), Optional.empty());
	}

	/** Restores a cut premise once the balance reaches the restore minimum. */
	private Decision restoreOnly(String premiseId, PremisePolicy policy, PolicyState state, long balancePaise) {
		if (balancePaise < policy.restoreMinimumPaise()) {
			return new Decision(state, List.of(), Optional.empty(), Optional.empty());
		}
		if (state.phase() == RelayPhase.CUT && !state.operatorHold() && policy.mode() == EnforcementMode.SYSTEM) {
			UUID id = commandId(premiseId, "relay-on", state.episode(), 0);
			PolicyState next = state.withEpisode(RelayPhase.CLEAR, state.episode(), 0, null)
				.withCommand(new RelayCommand(id, true, RelayCommand.Status.REQUESTED), false);
			return new Decision(next, List.of(), Optional.of(new RelayRequest(id, true, REASON_RESTORE)),
					Optional.empty());
		}
		if (state.phase() == RelayPhase.CUT && state.operatorHold()) {
			return new Decision(state, List.of(), Optional.empty(), Optional.empty());
		}
		PolicyState next = (state.phase() == RelayPhase.CLEAR) ? state
				: state.withEpisode(RelayPhase.CLEAR, state.episode(), state.attempt(), null);
		return new Decision(next, List.of(), Optional.empty(), Optional.empty());
	}

	private static Decision withNotices(Decision decision, List<LowBalanceNotice> notices) {
		return new Decision(decision.next(), notices, decision.relay(), decision.deferral());
	}

	private static Decision deferred(PolicyState state, List<LowBalanceNotice> notices, DeferralReason reason,
			Instant until) {
		return new Decision(state, notices, Optional.empty(), Optional.of(new Deferral(reason, until)));
	}

	/**
	 * Notices every rung the balance is now at or below that was not crossed before (only
	 * when {@code notify}), and re-arms every rung the balance is above again.
	 */
	private static PolicyState ladder(PremisePolicy policy, PolicyState state, long balancePaise,
			List<LowBalanceNotice> notices, boolean notify) {
		Set<String> crossed = new HashSet<>();
		for (LadderRung rung : policy.ladder()) {
			OptionalLong threshold = rung.thresholdPaise(state.lastTopUpPaise());
			if (threshold.isEmpty() || balancePaise > threshold.getAsLong()) {
				continue;
			}
			String label = rung.label();
			if (state.crossedRungs().contains(label)) {
				crossed.add(label);
			}
			else if (notify) {
				crossed.add(label);
				notices.add(new LowBalanceNotice(label, threshold.getAsLong(), balancePaise));
			}
		}
		return state.withCrossedRungs(crossed);
	}

	private static PolicyState trackNegative(PolicyState state, long balancePaise, Instant now) {
		if (balancePaise >= 0) {
			return (state.negativeSince() != null) ? state.withNegativeSince(null) : state;
		}
		return (state.negativeSince() == null) ? state.withNegativeSince(now) : state;
	}

	/**
	 * The deterministic id of a policy command, so that the same decision taken twice is
	 * one command.
	 * @param premiseId the premise
	 * @param kind {@code relay-off} or {@code relay-on}
	 * @param episode the episode
	 * @param attempt the attempt
	 * @return the id
	 */
	public static UUID commandId(String premiseId, String kind, long episode, int attempt) {
		return UUID.nameUUIDFromBytes(
				(premiseId + "|" + kind + "|" + episode + "|" + attempt).getBytes(StandardCharsets.UTF_8));
	}

}
