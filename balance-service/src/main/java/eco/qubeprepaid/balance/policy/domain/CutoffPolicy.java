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
import eco.qubeprepaid.balance.policy.domain.TrackedCommand.Status;
import eco.qubeprepaid.events.DeviceCommand;

/**
 * The cut-off, restore and low-balance rules (DESIGN fact 6, ADRs 0005 and 0009). Pure:
 * each method takes the premise's policy, state and balance and returns a
 * {@link Decision}.
 *
 * <p>
 * <b>Cut-off</b> (system-enforced premises only): once the balance is below the cut-off
 * line, a relay-off is requested on fresh data from an online meter whose relay reads on,
 * outside every friendly window; inside a window it is scheduled for the window's end.
 * Fresh means read within {@code staleness} of the service clock (and not stamped in the
 * future beyond {@code futureSkew}), so a backlog replayed late never cuts. The relay-off
 * expires at the earliest of its time to live, the data's freshness and the start of the
 * next window, so the poller can never apply it inside a window or on data gone stale.
 *
 * <p>
 * <b>Restore</b>, in every enforcement mode: while the balance is at or above the restore
 * minimum and no operator holds the supply off, a supply that is seen off (or that this
 * service asked off) is owed. Where the meter enforces itself (PREPAID) it first gets the
 * balance (absolute set, read back), then a relay-on; the policy keeps asking, once per
 * newer reading or outcome, until a reading or a verified relay-on shows the supply on,
 * and reports the restore overdue after {@code restoreOverdueAfter}.
 *
 * <p>
 * Every command carries the premise's next sequence number, so that the poller applies a
 * premise's commands in the order they were decided and lets a newer command of a kind
 * supersede an older one.
 */
public final class CutoffPolicy {

	/** The reason on relay-off commands. */
	public static final String REASON_CUTOFF = "credit-exhausted";

	/** The reason on relay-on and balance commands of a restore. */
	public static final String REASON_RESTORE = "credit-restored";

	private final Settings settings;

	private final Clock clock;

	/**
	 * Creates the rules with the default settings other than the staleness.
	 * @param staleness how far behind the service clock data may be for a cut-off
	 * @param clock the service clock
	 */
	public CutoffPolicy(Duration staleness, Clock clock) {
		this(Settings.defaults(staleness), clock);
	}

	/**
	 * Creates the rules.
	 * @param settings the service-wide settings
	 * @param clock the service clock
	 */
	public CutoffPolicy(Settings settings, Clock clock) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * @return the settings
	 */
	public Settings settings() {
		return this.settings;
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
		return onSnapshot(premiseId, policy, state, observation, balancePaise, false);
	}

	/**
	 * Decides after a snapshot was applied to the ledger.
	 * @param premiseId the premise
	 * @param policy its policy
	 * @param state its state
	 * @param observation what the snapshot said
	 * @param balancePaise the ledger balance after the snapshot
	 * @param onboarding whether it is the premise's first reading, which opened the
	 * wallet: it is recorded, and no command follows from it (the next reading decides)
	 * @return the decision
	 */
	public Decision onSnapshot(String premiseId, PremisePolicy policy, PolicyState state, Observation observation,
			long balancePaise, boolean onboarding) {
		Instant now = this.clock.instant();
		if (observation.observedAt().isAfter(now.plus(this.settings.futureSkew()))) {
			// A reading stamped in the future would make every real reading look old:
			// it changes nothing (the ledger ignores it too).
			return unchanged(state);
		}
		boolean newer = state.latest() == null || observation.observedAt().isAfter(state.latest().observedAt());
		PolicyState next = newer ? state.withLatest(observation) : state;
		next = trackNegative(next, balancePaise, next.latest().observedAt());
		List<LowBalanceNotice> notices = new ArrayList<>();
		next = ladder(policy, next, balancePaise, notices, true);
		if (!newer) {
			// An older reading, redelivered or out of order, decides nothing.
			return new Decision(next, notices, List.of(), Optional.empty(), false);
		}
		if (observation.online() && Boolean.TRUE.equals(observation.relayOn())) {
			next = supplySeenOn(next);
		}
		if (onboarding) {
			return new Decision(episodes(policy, next, balancePaise, observation.observedAt()), notices, List.of(),
					Optional.empty(), false);
		}
		boolean fresh = isFresh(observation.observedAt(), now);
		Cut cut = new Cut(true, fresh ? observation : null, observation.observedAt());
		return converge(premiseId, policy, next, balancePaise, now, cut, notices);
	}

	/**
	 * Decides after a credit: records a top-up as the base of percentage rungs, re-arms
	 * the rungs the balance is back above and restores the supply if it is owed. A credit
	 * never moves the balance down, so it never sends a notice.
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
		return converge(premiseId, policy, next, balancePaise, this.clock.instant(), Cut.NONE, List.of());
	}

	/**
	 * Decides after money was taken out of the wallet other than for energy (a refund, an
	 * operator's debit): the ladder's notices for rungs the balance fell through, and a
	 * cut-off if the balance fell below the line, on the newest reading if it is fresh by
	 * the service clock (friendly windows and emergency credit hold as for a reading).
	 * @param premiseId the premise
	 * @param policy its policy
	 * @param state its state
	 * @param balancePaise the ledger balance after it
	 * @return the decision
	 */
	public Decision onDebit(String premiseId, PremisePolicy policy, PolicyState state, long balancePaise) {
		Instant now = this.clock.instant();
		PolicyState next = trackNegative(state, balancePaise, now);
		List<LowBalanceNotice> notices = new ArrayList<>();
		next = ladder(policy, next, balancePaise, notices, true);
		Observation latest = next.latest();
		Cut cut = (latest == null) ? Cut.NONE : new Cut(true, isFresh(latest.observedAt(), now) ? latest : null, now);
		return converge(premiseId, policy, next, balancePaise, now, cut, notices);
	}

	/**
	 * The periodic job's decision on the service clock: executes a scheduled cut-off once
	 * it is due, if it is still owed, on data that is fresh by the service clock; and
	 * keeps an owed supply being asked for, reporting it once overdue.
	 * @param premiseId the premise
	 * @param policy its policy
	 * @param state its state
	 * @param balancePaise the ledger balance now
	 * @return the decision
	 */
	public Decision onTick(String premiseId, PremisePolicy policy, PolicyState state, long balancePaise) {
		Instant now = this.clock.instant();
		boolean due = state.scheduledCutoffAt() != null && !now.isBefore(state.scheduledCutoffAt())
				&& state.latest() != null;
		Cut cut = Cut.NONE;
		if (due) {
			boolean fresh = isFresh(state.latest().observedAt(), now);
			cut = new Cut(true, fresh ? state.latest() : null, now);
		}
		return converge(premiseId, policy, state, balancePaise, now, cut, List.of());
	}

	/**
	 * Records the poller's outcome of a command this policy tracks, then decides again
	 * (an abandoned relay-off is owed again; a restore whose command failed is asked for
	 * again).
	 * @param premiseId the premise
	 * @param policy its policy
	 * @param state its state
	 * @param outcome the outcome
	 * @param balancePaise the ledger balance now
	 * @return the decision, or empty when the command is not the premise's last of its
	 * kind (superseded, or requested by someone else)
	 */
	public Optional<Decision> onOutcome(String premiseId, PremisePolicy policy, PolicyState state, Outcome outcome,
			long balancePaise) {
		Instant now = this.clock.instant();
		PolicyState next = state;
		TrackedCommand relay = state.relayCommand();
		TrackedCommand balance = state.balanceCommand();
		if (relay != null && relay.commandId().equals(outcome.commandId()) && relay.inFlight()) {
			next = next.withRelayCommand(relay.settled(outcome.status(), now, outcome.failureCode()));
			if (outcome.status() == Status.COMPLETED && outcome.relayOnReadBack() != null) {
				next = next.withConfirmedRelayOn(outcome.relayOnReadBack());
				if (outcome.relayOnReadBack()) {
					// The poller read the relay back on: a reading that shows the supply
					// on.
					next = supplySeenOn(next);
				}
			}
		}
		else if (balance != null && balance.commandId().equals(outcome.commandId()) && balance.inFlight()) {
			next = next.withBalanceCommand(balance.settled(outcome.status(), now, outcome.failureCode()));
			if (outcome.status() == Status.COMPLETED && outcome.balanceReadBackPaise() != null) {
				Instant readAt = (outcome.readAt() != null) ? outcome.readAt() : now;
				// After an absolute set a meter can only go down by itself: a read-back
				// above
				// the target is credit that arrived in between, which the next reading
				// finds
				// against the target.
				long reference = Math.min(outcome.balanceReadBackPaise(), balance.balancePaise());
				next = next.withMeterReference(new PolicyState.MeterReference(reference, readAt, true));
			}
		}
		else {
			return Optional.empty();
		}
		return Optional.of(converge(premiseId, policy, next, balancePaise, now, Cut.NONE, List.of()));
	}

	/**
	 * An operator forced the relay: the automatic policy steps back. Forced off holds the
	 * supply off (no automatic restore) until an operator switches it on; forced on
	 * waives the current episode's cut-off until the balance is restored.
	 * @param policy the premise's policy
	 * @param state its state
	 * @param relayOn the forced direction
	 * @param commandId the operator command's id
	 * @param reason the command's reason
	 * @param balancePaise the ledger balance now
	 * @return the decision, with the operator's command
	 */
	public Decision onOperator(PremisePolicy policy, PolicyState state, boolean relayOn, UUID commandId, String reason,
			long balancePaise) {
		Instant now = this.clock.instant();
		long sequence = state.commandSequence() + 1;
		CommandRequest request = new CommandRequest(commandId,
				relayOn ? DeviceCommand.RELAY_ON : DeviceCommand.RELAY_OFF, null, null, reason,
				now.plus(this.settings.commandTtl()), sequence);
		PolicyState next = state.withCommandSequence(sequence)
			.withRelayCommand(TrackedCommand.requested(request, now))
			.withHold(!relayOn);
		if (!relayOn) {
			RelayPhase phase = (next.phase() == RelayPhase.OWED) ? RelayPhase.CUT : next.phase();
			next = next.withEpisode(phase, next.episode(), next.attempt(), null)
				.withSupplyOwed(null, next.restoreRequests(), false);
			return new Decision(next, List.of(), List.of(request), Optional.empty(), false);
		}
		boolean owed = balancePaise < policy.cutoffLinePaise(next.negativeSince(), now);
		next = next.withEpisode(owed ? RelayPhase.WAIVED : RelayPhase.CLEAR, next.episode(), next.attempt(), null);
		return new Decision(next, List.of(), List.of(request), Optional.empty(), false);
	}

	/**
	 * Adds an absolute balance set to a decision, unless one with the same target is
	 * already waiting for its outcome.
	 * @param premiseId the premise
	 * @param decision the decision so far
	 * @param targetPaise the balance to set, zero or more
	 * @param reason why
	 * @return the decision with the set
	 */
	public Decision withBalanceSet(String premiseId, Decision decision, long targetPaise, String reason) {
		PolicyState state = decision.next();
		TrackedCommand pending = state.balanceCommand();
		if (pending != null && pending.inFlight() && pending.balancePaise() == targetPaise) {
			return decision;
		}
		for (CommandRequest command : decision.commands()) {
			if (!command.isRelay() && command.balancePaise() == targetPaise) {
				return decision;
			}
		}
		Instant now = this.clock.instant();
		long sequence = state.commandSequence() + 1;
		CommandRequest set = balanceSet(premiseId, state, targetPaise, reason, sequence, now);
		List<CommandRequest> commands = new ArrayList<>(decision.commands());
		commands.add(set);
		PolicyState next = state.withCommandSequence(sequence).withBalanceCommand(TrackedCommand.requested(set, now));
		return new Decision(next, decision.notices(), commands, decision.deferral(), decision.overdue());
	}

	private Decision converge(String premiseId, PremisePolicy policy, PolicyState state, long balancePaise, Instant now,
			Cut cut, List<LowBalanceNotice> notices) {
		PolicyState next = episodes(policy, state, balancePaise, (cut.at() != null) ? cut.at() : now);
		List<CommandRequest> commands = new ArrayList<>();
		Deferral deferral = null;
		if (cut.considered() && next.phase() == RelayPhase.OWED && !next.operatorHold()) {
			CutStep step = cut(premiseId, policy, next, cut, now);
			next = step.state();
			deferral = step.deferral();
			if (step.command() != null) {
				commands.add(step.command());
			}
		}
		RestoreStep restore = restore(premiseId, policy, next, balancePaise, now);
		next = restore.state();
		commands.addAll(restore.commands());
		boolean overdue = false;
		if (next.supplyOwed() && !next.overdueReported()
				&& !now.isBefore(next.supplyOwedSince().plus(this.settings.restoreOverdueAfter()))) {
			next = next.withSupplyOwed(next.supplyOwedSince(), next.restoreRequests(), true);
			overdue = true;
		}
		return new Decision(next, notices, commands, Optional.ofNullable(deferral), overdue);
	}

	/** Moves the cut-off episode along with the balance. */
	private static PolicyState episodes(PremisePolicy policy, PolicyState state, long balancePaise, Instant at) {
		long line = policy.cutoffLinePaise(state.negativeSince(), at);
		RelayPhase phase = state.phase();
		if (balancePaise < line) {
			if (phase == RelayPhase.CLEAR) {
				return state.withEpisode(RelayPhase.OWED, state.episode() + 1, 0, null)
					.withSupplyOwed(null, 0, false)
					.withCutoffAnnounced(null);
			}
			TrackedCommand relay = state.relayCommand();
			if (phase == RelayPhase.CUT && relay != null && relay.failed(false) && !state.operatorHold()) {
				// The episode's relay-off was abandoned: owe it again under the next
				// attempt.
				return state.withEpisode(RelayPhase.OWED, state.episode(), state.attempt() + 1, null);
			}
			return state;
		}
		if (balancePaise >= policy.restoreMinimumPaise()) {
			return (phase == RelayPhase.CLEAR) ? state
					: state.withEpisode(RelayPhase.CLEAR, state.episode(), state.attempt(), null);
		}
		// Between the cut-off line and the restore minimum: nothing more is owed, but a
		// cut or waived supply waits for the restore minimum.
		return (phase == RelayPhase.OWED) ? state.withEpisode(RelayPhase.CLEAR, state.episode(), state.attempt(), null)
				: state;
	}

	private CutStep cut(String premiseId, PremisePolicy policy, PolicyState owed, Cut cut, Instant now) {
		PolicyState unscheduled = owed.withEpisode(RelayPhase.OWED, owed.episode(), owed.attempt(), null);
		if (policy.effectiveMode(owed.latest()) == EnforcementMode.METER) {
			// The meter cuts itself at zero; the system only keeps its balance in step.
			return new CutStep(unscheduled, null, null);
		}
		if (owed.latest() != null && !owed.latest().switchable()) {
			return new CutStep(unscheduled, new Deferral(DeferralReason.NOT_SWITCHABLE, null), null);
		}
		Observation fresh = cut.fresh();
		if (fresh == null) {
			// Stale: no schedule; the next fresh snapshot from an online meter decides.
			return new CutStep(unscheduled, new Deferral(DeferralReason.STALE, null), null);
		}
		if (!fresh.online()) {
			return new CutStep(unscheduled, new Deferral(DeferralReason.OFFLINE, null), null);
		}
		FriendlyWindows windows = policy.windows();
		if (windows.contains(cut.at())) {
			Instant until = windows.endOf(cut.at());
			// The time is remembered as announced: the decision is taken again on every
			// input, and the tenant hears of it once per episode and time
			// (Decision#announce).
			return new CutStep(
					owed.withEpisode(RelayPhase.OWED, owed.episode(), owed.attempt(), until).withCutoffAnnounced(until),
					new Deferral(DeferralReason.WINDOW, until), null);
		}
		if (!Boolean.TRUE.equals(fresh.relayOn())) {
			// Already off (by hand or by the meter): nothing to switch.
			return new CutStep(unscheduled, null, null);
		}
		Instant expires = earliest(now.plus(this.settings.commandTtl()),
				fresh.observedAt().plus(this.settings.staleness()), windows.nextStart(cut.at()));
		if (!expires.isAfter(now)) {
			return new CutStep(unscheduled, new Deferral(DeferralReason.STALE, null), null);
		}
		long sequence = owed.commandSequence() + 1;
		CommandRequest off = new CommandRequest(commandId(premiseId, "relay-off", owed.episode(), owed.attempt()),
				DeviceCommand.RELAY_OFF, null, null, REASON_CUTOFF, expires, sequence);
		PolicyState cutState = owed.withEpisode(RelayPhase.CUT, owed.episode(), owed.attempt(), null)
			.withCommandSequence(sequence)
			.withRelayCommand(TrackedCommand.requested(off, now));
		return new CutStep(cutState, null, off);
	}

	private RestoreStep restore(String premiseId, PremisePolicy policy, PolicyState state, long balancePaise,
			Instant now) {
		boolean owed = balancePaise >= policy.restoreMinimumPaise() && !state.operatorHold()
				&& (state.phase() == RelayPhase.CLEAR || state.phase() == RelayPhase.WAIVED);
		if (!owed || !supplyOff(state)) {
			return new RestoreStep(state.supplyOwed() ? supplySeenOn(state) : state, List.of());
		}
		PolicyState next = state.supplyOwed() ? state : state.withSupplyOwed(now, state.restoreRequests(), false);
		Observation latest = next.latest();
		if (latest != null && !latest.switchable()) {
			// No relay, or a mode that refuses a relay-on: only an operator can help (the
			// restore is reported overdue).
			return new RestoreStep(next, List.of());
		}
		List<CommandRequest> commands = new ArrayList<>();
		boolean meterEnforces = policy.effectiveMode(latest) == EnforcementMode.METER;
		if (meterEnforces && !meterHoldsCredit(policy, next)
				&& mayAsk(next.balanceCommand(), DeviceCommand.SET_BALANCE, Math.max(0, balancePaise), latest)) {
			long sequence = next.commandSequence() + 1;
			CommandRequest set = balanceSet(premiseId, next, Math.max(0, balancePaise), REASON_RESTORE, sequence, now);
			commands.add(set);
			next = next.withCommandSequence(sequence).withBalanceCommand(TrackedCommand.requested(set, now));
		}
		if (mayAsk(next.relayCommand(), DeviceCommand.RELAY_ON, null, latest)) {
			long sequence = next.commandSequence() + 1;
			CommandRequest on = new CommandRequest(
					commandId(premiseId, "relay-on", next.episode(), next.restoreRequests()), DeviceCommand.RELAY_ON,
					null, null, REASON_RESTORE, now.plus(this.settings.commandTtl()), sequence);
			commands.add(on);
			next = next.withCommandSequence(sequence).withRelayCommand(TrackedCommand.requested(on, now));
		}
		if (!commands.isEmpty()) {
			next = next.withSupplyOwed(next.supplyOwedSince(), next.restoreRequests() + 1, next.overdueReported());
		}
		return new RestoreStep(next, commands);
	}

	/**
	 * Whether the supply is off, as far as this service knows: the newest reading shows
	 * the relay open, or a relay-off this service asked for may have been applied and no
	 * reading since shows the relay on.
	 */
	private static boolean supplyOff(PolicyState state) {
		Observation latest = state.latest();
		if (latest != null && Boolean.FALSE.equals(latest.relayOn())) {
			return true;
		}
		TrackedCommand relay = state.relayCommand();
		boolean askedOff = relay != null && !relay.relayOn() && relay.status() != Status.FAILED;
		if (!askedOff) {
			return false;
		}
		boolean seenOnSince = latest != null && Boolean.TRUE.equals(latest.relayOn()) && latest.online()
				&& latest.observedAt().isAfter(relay.requestedAt());
		return !seenOnSince;
	}

	/**
	 * Whether a meter that enforces itself already holds enough credit not to cut: its
	 * newest balance, or a balance set that completed after that reading, is at or above
	 * the restore minimum.
	 */
	private static boolean meterHoldsCredit(PremisePolicy policy, PolicyState state) {
		TrackedCommand set = state.balanceCommand();
		Observation latest = state.latest();
		if (set != null && set.status() == Status.COMPLETED && set.balancePaise() >= policy.restoreMinimumPaise()
				&& (latest == null || !set.settledAt().isBefore(latest.observedAt()))) {
			return true;
		}
		return latest != null && latest.meterBalancePaise() != null
				&& latest.meterBalancePaise() >= policy.restoreMinimumPaise();
	}

	/**
	 * Whether a command may be requested now, given the last one of its kind: not while
	 * the same command waits for its outcome (a different one supersedes it); after a
	 * completed or refused one only once a newer reading shows it did not help; after any
	 * other failure (expired, superseded, never answered) at once.
	 */
	private static boolean mayAsk(TrackedCommand last, DeviceCommand command, Long balancePaise, Observation latest) {
		if (last == null) {
			return true;
		}
		boolean same = last.command() == command && Objects.equals(last.balancePaise(), balancePaise);
		if (last.inFlight() || !same) {
			return !same;
		}
		if (last.status() == Status.COMPLETED || last.refused()) {
			return latest != null && last.settledAt() != null && latest.observedAt().isAfter(last.settledAt());
		}
		return true;
	}

	private CommandRequest balanceSet(String premiseId, PolicyState state, long targetPaise, String reason,
			long sequence, Instant now) {
		UUID id = UUID.nameUUIDFromBytes((premiseId + "|set-balance|" + sequence).getBytes(StandardCharsets.UTF_8));
		return new CommandRequest(id, DeviceCommand.SET_BALANCE, targetPaise, state.meterBalanceCeiling(), reason,
				now.plus(this.settings.commandTtl()), sequence);
	}

	private static PolicyState supplySeenOn(PolicyState state) {
		return state.supplyOwed() ? state.withSupplyOwed(null, state.restoreRequests(), false) : state;
	}

	private boolean isFresh(Instant observedAt, Instant now) {
		return !observedAt.isBefore(now.minus(this.settings.staleness()))
				&& !observedAt.isAfter(now.plus(this.settings.futureSkew()));
	}

	private static Decision unchanged(PolicyState state) {
		return new Decision(state, List.of(), List.of(), Optional.empty(), false);
	}

	private static Instant earliest(Instant first, Instant... others) {
		Instant earliest = first;
		for (Instant other : others) {
			if (other != null && other.isBefore(earliest)) {
				earliest = other;
			}
		}
		return earliest;
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
	 * The deterministic id of a policy relay command, so that the same decision taken
	 * twice is one command.
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

	/**
	 * The deterministic id of a {@code CutoffScheduled}: one per premise, episode and
	 * time, told apart from an earlier announcement of the same time in the episode by
	 * the time announced just before it (a window moved away and back).
	 * @param premiseId the premise
	 * @param episode the cut-off episode
	 * @param scheduledFor the time announced
	 * @param previously the time announced before in the episode, or {@code null}
	 * @return the event id
	 */
	public static UUID announcementId(String premiseId, long episode, Instant scheduledFor, Instant previously) {
		return UUID.nameUUIDFromBytes((premiseId + "|cutoff-scheduled|" + episode + "|" + scheduledFor
				+ ((previously != null) ? "|" + previously : ""))
			.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The service-wide settings of the rules.
	 *
	 * @param staleness how far behind the service clock data may be for a cut-off
	 * @param futureSkew how far ahead of the service clock a reading may be stamped and
	 * still count (clock skew between the poller and this service)
	 * @param commandTtl how long the poller may take to apply a command
	 * @param restoreOverdueAfter how long an owed supply may stay off before it is
	 * reported overdue
	 */
	public record Settings(Duration staleness, Duration futureSkew, Duration commandTtl, Duration restoreOverdueAfter) {

		public Settings {
			Objects.requireNonNull(staleness, "staleness");
			Objects.requireNonNull(futureSkew, "futureSkew");
			Objects.requireNonNull(commandTtl, "commandTtl");
			Objects.requireNonNull(restoreOverdueAfter, "restoreOverdueAfter");
			if (staleness.isNegative() || staleness.isZero()) {
				throw new IllegalArgumentException("staleness must be positive");
			}
			if (futureSkew.isNegative() || commandTtl.isNegative() || commandTtl.isZero()
					|| restoreOverdueAfter.isNegative()) {
				throw new IllegalArgumentException("skew, command TTL and overdue bound must not be negative");
			}
		}

		/**
		 * The defaults (5 min of skew, 1 h to apply a command, 10 min before a restore is
		 * overdue) with a given staleness.
		 * @param staleness the staleness bound
		 * @return the settings
		 */
		public static Settings defaults(Duration staleness) {
			return new Settings(staleness, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(10));
		}

	}

	/**
	 * The poller's outcome of a command.
	 *
	 * @param commandId the command
	 * @param status completed or failed
	 * @param failureCode the error code of a failure, or {@code null}
	 * @param relayOnReadBack the relay state read back, or {@code null}
	 * @param balanceReadBackPaise the balance read back, or {@code null}
	 * @param readAt when the poller read it back (its clock, like readings), or
	 * {@code null}
	 */
	public record Outcome(UUID commandId, Status status, String failureCode, Boolean relayOnReadBack,
			Long balanceReadBackPaise, Instant readAt) {

		public Outcome {
			Objects.requireNonNull(commandId, "commandId");
			Objects.requireNonNull(status, "status");
			if (status == Status.REQUESTED) {
				throw new IllegalArgumentException("an outcome is completed or failed");
			}
		}

	}

	/** Whether and how a decision considers a cut-off. */
	private record Cut(boolean considered, Observation fresh, Instant at) {

		static final Cut NONE = new Cut(false, null, null);

	}

	private record CutStep(PolicyState state, Deferral deferral, CommandRequest command) {
	}

	private record RestoreStep(PolicyState state, List<CommandRequest> commands) {
	}

}
