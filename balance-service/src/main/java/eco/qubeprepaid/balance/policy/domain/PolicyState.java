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
 * @param relayCommand the last relay command requested, or {@code null}
 * @param confirmedRelayOn the relay state the poller last verified, or {@code null}
 * @param balanceCommand the last balance set requested, or {@code null}
 * @param supplyOwedSince since when the supply is owed (balance at or above the restore
 * minimum, no hold) but not yet seen on, or {@code null}
 * @param restoreRequests how many commands were requested for the owed supply so far
 * @param overdueReported whether the owed supply was reported overdue
 * @param commandSequence the sequence number of the premise's last command
 * @param meterReference the meter balance the next reading is compared with to find
 * credit from outside the ledger, or {@code null}
 * @param cutoffAnnouncedFor the time a cut-off deferred by a friendly window was last
 * announced for in the current episode ({@code CutoffScheduled}), or {@code null}
 */
public record PolicyState(Observation latest, Long lastTopUpPaise, Set<String> crossedRungs, RelayPhase phase,
		long episode, int attempt, Instant negativeSince, Instant scheduledCutoffAt, boolean operatorHold,
		TrackedCommand relayCommand, Boolean confirmedRelayOn, TrackedCommand balanceCommand, Instant supplyOwedSince,
		int restoreRequests, boolean overdueReported, long commandSequence, MeterReference meterReference,
		Instant cutoffAnnouncedFor) {

	/** A premise the policy has never seen. */
	public static final PolicyState INITIAL = new PolicyState(null, null, Set.of(), RelayPhase.CLEAR, 0, 0, null, null,
			false, null, null, null, null, 0, false, 0, null, null);

	public PolicyState {
		crossedRungs = Set.copyOf(crossedRungs);
		Objects.requireNonNull(phase, "phase");
		if (episode < 0 || attempt < 0 || restoreRequests < 0 || commandSequence < 0) {
			throw new IllegalArgumentException("episode, attempt, restore requests and sequence must be zero or more");
		}
		if (relayCommand != null && relayCommand.command() == eco.qubeprepaid.events.DeviceCommand.SET_BALANCE) {
			throw new IllegalArgumentException("the relay command must switch the relay");
		}
		if (balanceCommand != null && balanceCommand.command() != eco.qubeprepaid.events.DeviceCommand.SET_BALANCE) {
			throw new IllegalArgumentException("the balance command must set the balance");
		}
	}

	PolicyState withLatest(Observation observation) {
		return new PolicyState(observation, this.lastTopUpPaise, this.crossedRungs, this.phase, this.episode,
				this.attempt, this.negativeSince, this.scheduledCutoffAt, this.operatorHold, this.relayCommand,
				this.confirmedRelayOn, this.balanceCommand, this.supplyOwedSince, this.restoreRequests,
				this.overdueReported, this.commandSequence, this.meterReference, this.cutoffAnnouncedFor);
	}

	PolicyState withLastTopUp(long paise) {
		return new PolicyState(this.latest, paise, this.crossedRungs, this.phase, this.episode, this.attempt,
				this.negativeSince, this.scheduledCutoffAt, this.operatorHold, this.relayCommand, this.confirmedRelayOn,
				this.balanceCommand, this.supplyOwedSince, this.restoreRequests, this.overdueReported,
				this.commandSequence, this.meterReference, this.cutoffAnnouncedFor);
	}

	public PolicyState withCrossedRungs(Set<String> rungs) {
		return new PolicyState(this.latest, this.lastTopUpPaise, rungs, this.phase, this.episode, this.attempt,
				this.negativeSince, this.scheduledCutoffAt, this.operatorHold, this.relayCommand, this.confirmedRelayOn,
				this.balanceCommand, this.supplyOwedSince, this.restoreRequests, this.overdueReported,
				this.commandSequence, this.meterReference, this.cutoffAnnouncedFor);
	}

	PolicyState withNegativeSince(Instant since) {
		return new PolicyState(this.latest, this.lastTopUpPaise, this.crossedRungs, this.phase, this.episode,
				this.attempt, since, this.scheduledCutoffAt, this.operatorHold, this.relayCommand,
				this.confirmedRelayOn, this.balanceCommand, this.supplyOwedSince, this.restoreRequests,
				this.overdueReported, this.commandSequence, this.meterReference, this.cutoffAnnouncedFor);
	}

	PolicyState withEpisode(RelayPhase phase, long episode, int attempt, Instant scheduledCutoffAt) {
		return new PolicyState(this.latest, this.lastTopUpPaise, this.crossedRungs, phase, episode, attempt,
				this.negativeSince, scheduledCutoffAt, this.operatorHold, this.relayCommand, this.confirmedRelayOn,
				this.balanceCommand, this.supplyOwedSince, this.restoreRequests, this.overdueReported,
				this.commandSequence, this.meterReference, this.cutoffAnnouncedFor);
	}

	PolicyState withHold(boolean operatorHold) {
		return new PolicyState(this.latest, this.lastTopUpPaise, this.crossedRungs, this.phase, this.episode,
				this.attempt, this.negativeSince, this.scheduledCutoffAt, operatorHold, this.relayCommand,
				this.confirmedRelayOn, this.balanceCommand, this.supplyOwedSince, this.restoreRequests,
				this.overdueReported, this.commandSequence, this.meterReference, this.cutoffAnnouncedFor);
	}

	PolicyState withRelayCommand(TrackedCommand command) {
		return new PolicyState(this.latest, this.lastTopUpPaise, this.crossedRungs, this.phase, this.episode,
				this.attempt, this.negativeSince, this.scheduledCutoffAt, this.operatorHold, command,
				this.confirmedRelayOn, this.balanceCommand, this.supplyOwedSince, this.restoreRequests,
				this.overdueReported, this.commandSequence, this.meterReference, this.cutoffAnnouncedFor);
	}

	PolicyState withConfirmedRelayOn(Boolean confirmed) {
		return new PolicyState(this.latest, this.lastTopUpPaise, this.crossedRungs, this.phase, this.episode,
				this.attempt, this.negativeSince, this.scheduledCutoffAt, this.operatorHold, this.relayCommand,
				confirmed, this.balanceCommand, this.supplyOwedSince, this.restoreRequests, this.overdueReported,
				this.commandSequence, this.meterReference, this.cutoffAnnouncedFor);
	}

	PolicyState withBalanceCommand(TrackedCommand command) {
		return new PolicyState(this.latest, this.lastTopUpPaise, this.crossedRungs, this.phase, this.episode,
				this.attempt, this.negativeSince, this.scheduledCutoffAt, this.operatorHold, this.relayCommand,
				this.confirmedRelayOn, command, this.supplyOwedSince, this.restoreRequests, this.overdueReported,
				this.commandSequence, this.meterReference, this.cutoffAnnouncedFor);
	}

	PolicyState withSupplyOwed(Instant since, int restoreRequests, boolean overdueReported) {
		return new PolicyState(this.latest, this.lastTopUpPaise, this.crossedRungs, this.phase, this.episode,
				this.attempt, this.negativeSince, this.scheduledCutoffAt, this.operatorHold, this.relayCommand,
				this.confirmedRelayOn, this.balanceCommand, since, restoreRequests, overdueReported,
				this.commandSequence, this.meterReference, this.cutoffAnnouncedFor);
	}

	PolicyState withCommandSequence(long sequence) {
		return new PolicyState(this.latest, this.lastTopUpPaise, this.crossedRungs, this.phase, this.episode,
				this.attempt, this.negativeSince, this.scheduledCutoffAt, this.operatorHold, this.relayCommand,
				this.confirmedRelayOn, this.balanceCommand, this.supplyOwedSince, this.restoreRequests,
				this.overdueReported, sequence, this.meterReference, this.cutoffAnnouncedFor);
	}

	/**
	 * @param reference the meter balance the next reading is compared with
	 * @return this state with it
	 */
	public PolicyState withMeterReference(MeterReference reference) {
		return new PolicyState(this.latest, this.lastTopUpPaise, this.crossedRungs, this.phase, this.episode,
				this.attempt, this.negativeSince, this.scheduledCutoffAt, this.operatorHold, this.relayCommand,
				this.confirmedRelayOn, this.balanceCommand, this.supplyOwedSince, this.restoreRequests,
				this.overdueReported, this.commandSequence, reference, this.cutoffAnnouncedFor);
	}

	PolicyState withCutoffAnnounced(Instant scheduledFor) {
		return new PolicyState(this.latest, this.lastTopUpPaise, this.crossedRungs, this.phase, this.episode,
				this.attempt, this.negativeSince, this.scheduledCutoffAt, this.operatorHold, this.relayCommand,
				this.confirmedRelayOn, this.balanceCommand, this.supplyOwedSince, this.restoreRequests,
				this.overdueReported, this.commandSequence, this.meterReference, scheduledFor);
	}

	/**
	 * @return whether the supply is owed but not yet seen on
	 */
	public boolean supplyOwed() {
		return this.supplyOwedSince != null;
	}

	/**
	 * The meter balance an upcoming reading may show at most from this service's side:
	 * the newest known meter balance, or the target of a balance set not known to have
	 * failed, whichever is higher. A reading above it holds credit from elsewhere.
	 * @return the ceiling, or {@code null} when no meter balance is known
	 */
	public Long meterBalanceCeiling() {
		Long known = (this.meterReference != null) ? this.meterReference.expectedPaise()
				: (this.latest != null) ? this.latest.meterBalancePaise() : null;
		if (this.balanceCommand != null && this.balanceCommand.status() != TrackedCommand.Status.FAILED) {
			long target = this.balanceCommand.balancePaise();
			return (known == null) ? target : Math.max(known, target);
		}
		return known;
	}

	/**
	 * The meter balance the next reading is compared with.
	 *
	 * @param balancePaise the balance
	 * @param at when the meter showed it (data time of a reading, or the time a set was
	 * read back)
	 * @param readBack whether it is the read-back of a balance set rather than a reading
	 * @param deductedSincePaise what the meter has deducted from its own balance since,
	 * as far as the ledger's intervals tell (only intervals wholly after a read-back
	 * count)
	 */
	public record MeterReference(long balancePaise, Instant at, boolean readBack, long deductedSincePaise) {

		public MeterReference {
			Objects.requireNonNull(at, "at");
			if (deductedSincePaise < 0) {
				throw new IllegalArgumentException("a deduction is zero or more");
			}
		}

		/**
		 * @param balancePaise the balance
		 * @param at when
		 * @param readBack whether it is a set's read-back
		 */
		public MeterReference(long balancePaise, Instant at, boolean readBack) {
			this(balancePaise, at, readBack, 0);
		}

		/**
		 * @param paise more deduction
		 * @return this reference with it
		 */
		public MeterReference deducted(long paise) {
			return new MeterReference(this.balancePaise, this.at, this.readBack,
					Math.addExact(this.deductedSincePaise, paise));
		}

		/**
		 * @return the balance the meter should show now, by its own deductions
		 */
		public long expectedPaise() {
			return Math.max(0, this.balancePaise - this.deductedSincePaise);
		}

	}

}
