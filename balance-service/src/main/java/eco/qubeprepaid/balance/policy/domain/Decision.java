package eco.qubeprepaid.balance.policy.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the policy decided on one input: the premise's new state and the effects to carry
 * out in the same transaction.
 *
 * @param next the new state
 * @param notices the low-balance rungs crossed downwards now
 * @param relay the relay switch to request, if any
 * @param deferral why a cut-off that is owed was held back, if it was
 */
public record Decision(PolicyState next, List<LowBalanceNotice> notices, Optional<RelayRequest> relay,
		Optional<Deferral> deferral) {

	public Decision {
		Objects.requireNonNull(next, "next");
		notices = List.copyOf(notices);
		Objects.requireNonNull(relay, "relay");
		Objects.requireNonNull(deferral, "deferral");
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
	 * A relay switch to request.
	 *
	 * @param commandId its deterministic id
	 * @param relayOn {@code true} to restore, {@code false} to cut
	 * @param reason why, for the audit trail
	 */
	public record RelayRequest(UUID commandId, boolean relayOn, String reason) {
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
		STALE

	}

}
