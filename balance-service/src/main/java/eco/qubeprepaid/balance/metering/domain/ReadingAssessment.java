package eco.qubeprepaid.balance.metering.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** What a reading means for billing, decided by {@link Metering#assess}. */
public sealed interface ReadingAssessment {

	/**
	 * The reading changes nothing: it is older than the baseline, offline, empty or from
	 * an older epoch.
	 *
	 * @param reason why
	 */
	record Ignored(IgnoreReason reason) implements ReadingAssessment {
	}

	/**
	 * The first reading of a premise: it becomes the baseline and nothing is billed,
	 * because what the register held before is not ours to charge.
	 *
	 * @param next the new baseline
	 */
	record Baseline(MeterBaseline next) implements ReadingAssessment {
	}

	/**
	 * Energy to bill for the interval from the previous baseline to this reading.
	 *
	 * @param energyKwh the energy consumed in the interval, exact, zero or more
	 * @param change whether the interval crossed a replacement or reset
	 * @param next the new baseline
	 */
	record Billable(BigDecimal energyKwh, EpochChange change, MeterBaseline next) implements ReadingAssessment {

		public Billable {
			Objects.requireNonNull(energyKwh, "energyKwh");
			if (energyKwh.signum() < 0) {
				throw new IllegalArgumentException("billable energy must not be negative, was " + energyKwh);
			}
		}

	}

	/**
	 * A reading that cannot be explained: it is recorded for review, not billed, and the
	 * baseline stays where it was.
	 *
	 * @param reason the reason code
	 * @param detail a human-readable explanation
	 */
	record Quarantined(QuarantineReason reason, String detail) implements ReadingAssessment {
	}

	/**
	 * A reading that continues from an unresolved quarantined reading: not billed, and
	 * counted against that quarantine until an operator resolves it.
	 *
	 * @param suspectSnapshotId the quarantined snapshot it follows
	 */
	record Held(UUID suspectSnapshotId) implements ReadingAssessment {
	}

	/** Why a reading was ignored. */
	enum IgnoreReason {

		/** Observed at or before the baseline (out of order or repeated). */
		STALE,
		/** The meter was offline, so the values are its last known ones. */
		OFFLINE,
		/** The snapshot carried no energy register. */
		NO_READING,
		/** From an epoch older than the current one. */
		OLDER_EPOCH

	}

	/** Whether a billed interval crossed a change of meter epoch. */
	enum EpochChange {

		/** Same meter, same register. */
		NONE,
		/** A new device: its register started from zero. */
		REPLACEMENT,
		/** The poller reported a new epoch on the same device: billed from zero. */
		RESET_REPORTED,
		/** The register fell to a value a reset explains: billed from zero. */
		RESET_DETECTED

	}

	/** Why a reading was quarantined. */
	enum QuarantineReason {

		/** The register fell further than a reset could explain. */
		REGISTER_DROP("register-drop"),
		/** The register rose faster than the premise's maximum power allows. */
		IMPLAUSIBLE_JUMP("implausible-jump"),
		/** No tariff is configured or reported for the supply in force. */
		NO_TARIFF("no-tariff");

		private final String code;

		QuarantineReason(String code) {
			this.code = code;
		}

		/**
		 * @return the stable reason code used in events and the API
		 */
		public String code() {
			return this.code;
		}

	}

}
