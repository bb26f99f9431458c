package eco.qubeprepaid.balance.policy.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The cut-off and notice policy of one premise, as data.
 *
 * @param mode who enforces the cut-off
 * @param ladder the low-balance rungs, each notified once per downward crossing
 * @param windows when no cut-off may happen
 * @param emergency the emergency credit, or {@link EmergencyCredit#NONE}
 * @param restoreMinimumPaise the balance at or above which a cut premise is restored
 * @param onboarding what the wallet opens with at the meter's first reading
 */
public record PremisePolicy(EnforcementMode mode, List<LadderRung> ladder, FriendlyWindows windows,
		EmergencyCredit emergency, long restoreMinimumPaise, OnboardingRule onboarding) {

	/** The most rungs one ladder may have. */
	public static final int MAX_RUNGS = 10;

	public PremisePolicy {
		Objects.requireNonNull(mode, "mode");
		Objects.requireNonNull(windows, "windows");
		Objects.requireNonNull(emergency, "emergency");
		Objects.requireNonNull(onboarding, "onboarding");
		ladder = List.copyOf(ladder);
		if (ladder.size() > MAX_RUNGS) {
			throw new IllegalArgumentException("a ladder has at most " + MAX_RUNGS + " rungs, got " + ladder.size());
		}
		Set<String> labels = new HashSet<>();
		for (LadderRung rung : ladder) {
			if (!labels.add(rung.label())) {
				throw new IllegalArgumentException("the ladder has rung " + rung.label() + " twice");
			}
		}
		if (restoreMinimumPaise < 1) {
			throw new IllegalArgumentException(
					"restoreMinimumPaise must be at least 1 (power is restored only on a positive balance), was "
							+ restoreMinimumPaise);
		}
	}

	/**
	 * A policy that adopts the meter's balance at onboarding (the default rule).
	 * @param mode who enforces the cut-off
	 * @param ladder the low-balance rungs
	 * @param windows when no cut-off may happen
	 * @param emergency the emergency credit
	 * @param restoreMinimumPaise the restore minimum
	 */
	public PremisePolicy(EnforcementMode mode, List<LadderRung> ladder, FriendlyWindows windows,
			EmergencyCredit emergency, long restoreMinimumPaise) {
		this(mode, ladder, windows, emergency, restoreMinimumPaise, OnboardingRule.ADOPT);
	}

	/**
	 * The default policy: system-enforced, ladder 30 %, 10 %, 0 % of the last top-up, no
	 * disconnection 18:00–10:00 IST nor on Sundays, no emergency credit, restore on any
	 * positive balance, the meter's balance adopted at onboarding.
	 * @return the default
	 */
	public static PremisePolicy standard() {
		return new PremisePolicy(EnforcementMode.SYSTEM,
				List.of(LadderRung.percent(30), LadderRung.percent(10), LadderRung.percent(0)),
				FriendlyWindows.standard(), EmergencyCredit.NONE, 1, OnboardingRule.ADOPT);
	}

	/**
	 * @param windows other windows
	 * @return this policy with them
	 */
	public PremisePolicy withWindows(FriendlyWindows windows) {
		return new PremisePolicy(this.mode, this.ladder, windows, this.emergency, this.restoreMinimumPaise,
				this.onboarding);
	}

	/**
	 * Who enforces the cut-off at a premise in fact: the policy's mode, except that a
	 * meter in PREPAID mode deducts and cuts itself whatever the policy says, so the
	 * system then only keeps its balance in step (a mismatch the relay view shows).
	 * @param latest the newest observation of the meter, or {@code null}
	 * @return the enforcement in effect
	 */
	public EnforcementMode effectiveMode(Observation latest) {
		return (latest != null && latest.meterEnforces()) ? EnforcementMode.METER : this.mode;
	}

	/**
	 * The balance below which the supply is owed a cut-off at {@code now}.
	 * @param negativeSince when the balance first went negative in this episode, or
	 * {@code null}
	 * @param now the decision's time
	 * @return the line in paise; a balance strictly below it is cut
	 */
	public long cutoffLinePaise(Instant negativeSince, Instant now) {
		if (this.emergency.amountPaise() == 0) {
			return 0;
		}
		boolean withinDays = negativeSince == null
				|| now.isBefore(negativeSince.plus(Duration.ofDays(this.emergency.days())));
		return withinDays ? -this.emergency.amountPaise() : 0;
	}

}
