package eco.qubeprepaid.balance.policy.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the policy remembers about one premise between decisions.
 *
 * @param latest the newest observation of the meter, or {@code null} before the first
 * @param lastTopUpPaise the last top-up, the base of percentage rungs, or {@code null}
 * @param crossedRungs the labels of the rungs crossed downwards and not yet re-armed
 * @param phase where the premise stands in its cut-off episode
 * @param episode the number of the current (or last) cut-off episode
 * @param attempt the relay-off attempt within the episode (a failed command is retried
 * under a new id)
 * @param negativeSince when the balance first went negative, or {@code null}
 * @param scheduledCutoffAt when a cut-off deferred by a friendly window is due, or
 * {@code null}
 * @param operatorHold whether an operator forced the relay off (no automatic restore
 * until an operator switches it on)
 * @param lastCommand the last relay command requested, or {@code null}
 * @param confirmedRelayOn the relay state the poller last verified, or {@code null}
 */
public record PolicyState(Observation latest, Long lastTopUpPaise, Set<String> crossedRungs, RelayPhase phase,
		long episode, int attempt, Instant negativeSince, Instant scheduledCutoffAt, boolean operatorHold,
		RelayCommand lastCommand, Boolean confirmedRelayOn) {

	/** A premise the policy has never seen. */
	public static final PolicyState INITIAL = new PolicyState(null, null, Set.of(), RelayPhase.CLEAR, 0, 0, null, null,
			false, null, null);

	public PolicyState {
		crossedRungs = Set.copyOf(crossedRungs);
		Objects.requireNonNull(phase, "phase");
		if (episode < 0 || attempt < 0) {
			throw new IllegalArgumentException("episode and attempt must be zero or more");
		}
	}

	PolicyState withLatest(Observation observation) {
		return new PolicyState(observation, this.lastTopUpPaise, this.crossedRungs, this.phase, this.episode,
				this.attempt, this.negativeSince, this.scheduledCutoffAt, this.operatorHold, this.lastCommand,
				this.confirmedRelayOn);
	}

	PolicyState withLastTopUp(long paise) {
		return new PolicyState(this.latest, paise, this.crossedRungs, this.phase, this.episode, this.attempt,
				this.negativeSince, this.scheduledCutoffAt, this.operatorHold, this.lastCommand, this.confirmedRelayOn);
	}

	public PolicyState withCrossedRungs(Set<String> rungs) {
		return new PolicyState(this.latest, this.lastTopUpPaise, rungs, this.phase, this.episode, this.attempt,
				this.negativeSince, this.scheduledCutoffAt, this.operatorHold, this.lastCommand, this.confirmedRelayOn);
	}

	PolicyState withNegativeSince(Instant since) {
		return new PolicyState(this.latest, this.lastTopUpPaise, this.crossedRungs, this.phase, this.episode,
				this.attempt, since, this.scheduledCutoffAt, this.operatorHold, this.lastCommand,
				this.confirmedRelayOn);
	}

	PolicyState withEpisode(RelayPhase phase, long episode, int attempt, Instant scheduledCutoffAt) {
		return new PolicyState(this.latest, this.lastTopUpPaise, this.crossedRungs, phase, episode, attempt,
				this.negativeSince, scheduledCutoffAt, this.operatorHold, this.lastCommand, this.confirmedRelayOn);
	}

	PolicyState withCommand(RelayCommand command, boolean operatorHold) {
		return new PolicyState(this.latest, this.lastTopUpPaise, this.crossedRungs, this.phase, this.episode,
				this.attempt, this.negativeSince, this.scheduledCutoffAt, operatorHold, command, this.confirmedRelayOn);
	}

	/**
	 * Records the outcome of a command this premise's policy requested.
	 * @param status the outcome
	 * @param relayOnReadBack the relay state read back, for a completed command
	 * @return the new state
	 */
	public PolicyState withOutcome(RelayCommand.Status status, Boolean relayOnReadBack) {
		Boolean confirmed = (status == RelayCommand.Status.COMPLETED && relayOnReadBack != null) ? relayOnReadBack
				: this.confirmedRelayOn;
		return new PolicyState(this.latest, this.lastTopUpPaise, this.crossedRungs, this.phase, this.episode,
				this.attempt, this.negativeSince, this.scheduledCutoffAt, this.operatorHold,
				this.lastCommand.with(status), confirmed);
	}

}
