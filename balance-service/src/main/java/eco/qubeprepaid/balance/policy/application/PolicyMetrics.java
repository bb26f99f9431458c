package eco.qubeprepaid.balance.policy.application;

import java.time.Duration;
import java.util.Locale;

import eco.qubeprepaid.service.persistence.AfterCommit;
import eco.qubeprepaid.balance.policy.domain.Decision.DeferralReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The policy's and reconciliation's Micrometer meters (listed in docs/metrics.md), never
 * tagged with a premise. Counted after the decision's transaction commits.
 */
@Component
public class PolicyMetrics {

	private final MeterRegistry registry;

	private final DistributionSummary drift;

	private final Counter driftDetected;

	private final Timer restoreLatency;

	public PolicyMetrics(MeterRegistry registry) {
		this.registry = registry;
		// The counters the alerts and dashboards read exist from the start, at zero, so a
		// rate over them is 0 rather than no data before the first event.
		for (String[] counter : new String[][] {
				{ "policy.cutoff.requested", "Relay-off commands requested by the policy" },
				{ "policy.restore.requested", "Relay-on commands requested by the policy" },
				{ "policy.restore.overdue",
						"Owed supplies reported overdue: still not seen on after the configured time" },
				{ "reconciliation.balance.sync",
						"SET_BALANCE commands requested to keep meters in step with the ledger" } }) {
			Counter.builder(counter[0]).description(counter[1]).register(registry);
		}
		for (DeferralReason reason : DeferralReason.values()) {
			deferred(reason);
		}
		for (String outcome : new String[] { "re-asked", "no-outcome" }) {
			chased(outcome);
		}
		this.restoreLatency = Timer.builder("policy.restore.latency")
			.description("From the credit that paid a premise whose supply was off to a reading that shows it on")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(50))
			.maximumExpectedValue(Duration.ofHours(1))
			.register(registry);
		this.drift = DistributionSummary.builder("reconciliation.drift")
			.baseUnit("paise")
			.description("Absolute difference between a meter's balance and the ledger's, per reconciled reading")
			.register(registry);
		this.driftDetected = Counter.builder("reconciliation.drift.detected")
			.description("Drift episodes detected (meter balance beyond the threshold from the ledger)")
			.register(registry);
	}

	/**
	 * @param rung the rung's label
	 */
	public void lowBalance(String rung) {
		AfterCommit.run(() -> Counter.builder("policy.low.balance")
			.description("Low-balance rungs crossed downwards")
			.tag("rung", rung)
			.register(this.registry)
			.increment());
	}

	/** A relay-off was requested. */
	public void cutoffRequested() {
		AfterCommit.run(() -> counter("policy.cutoff.requested", "Relay-off commands requested by the policy"));
	}

	/**
	 * An owed cut-off was held back.
	 * @param reason why
	 */
	public void cutoffDeferred(DeferralReason reason) {
		AfterCommit.run(() -> deferred(reason).increment());
	}

	/** A relay-on was requested. */
	public void restoreRequested() {
		AfterCommit.run(() -> counter("policy.restore.requested", "Relay-on commands requested by the policy"));
	}

	/** An owed supply was reported overdue. */
	public void restoreOverdue() {
		AfterCommit.run(() -> counter("policy.restore.overdue",
				"Owed supplies reported overdue: still not seen on after the configured time"));
	}

	/**
	 * A command was asked again because its outcome did not come in time, or given up
	 * because it never came.
	 * @param outcome {@code re-asked} or {@code no-outcome}
	 */
	public void commandChased(String outcome) {
		AfterCommit.run(() -> chased(outcome).increment());
	}

	/**
	 * A premise owed its supply was seen with it on.
	 * @param sinceOwed from when it was owed (the credit that paid) to the reading
	 */
	public void supplyRestored(Duration sinceOwed) {
		AfterCommit.run(() -> this.restoreLatency.record(sinceOwed.isNegative() ? Duration.ZERO : sinceOwed));
	}

	/** A SET_BALANCE was requested by reconciliation. */
	public void balanceSyncRequested() {
		AfterCommit.run(() -> counter("reconciliation.balance.sync",
				"SET_BALANCE commands requested to keep meters in step with the ledger"));
	}

	/**
	 * @param absoluteDriftPaise the absolute drift of one reconciled reading
	 * @param detected whether a new drift episode began
	 */
	public void reconciled(long absoluteDriftPaise, boolean detected) {
		AfterCommit.run(() -> {
			this.drift.record(absoluteDriftPaise);
			if (detected) {
				this.driftDetected.increment();
			}
		});
	}

	private Counter deferred(DeferralReason reason) {
		return Counter.builder("policy.cutoff.deferred")
			.description("Decisions that held an owed cut-off back")
			.tag("reason", reason.name().toLowerCase(Locale.ROOT))
			.register(this.registry);
	}

	private Counter chased(String outcome) {
		return Counter.builder("policy.commands.chased")
			.description("Device commands whose outcome was late: asked again, or given up without one")
			.tag("outcome", outcome)
			.register(this.registry);
	}

	private void counter(String name, String description) {
		Counter.builder(name).description(description).register(this.registry).increment();
	}

}
