package eco.qubeprepaid.balance.policy.application;

import java.util.Locale;

import eco.qubeprepaid.balance.work.AfterCommit;
import eco.qubeprepaid.balance.policy.domain.Decision.DeferralReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

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

	public PolicyMetrics(MeterRegistry registry) {
		this.registry = registry;
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
		AfterCommit.run(() -> Counter.builder("policy.cutoff.deferred")
			.description("Decisions that held an owed cut-off back")
			.tag("reason", reason.name().toLowerCase(Locale.ROOT))
			.register(this.registry)
			.increment());
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
		AfterCommit.run(() -> Counter.builder("policy.commands.chased")
			.description("Device commands whose outcome was late: asked again, or given up without one")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment());
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

	private void counter(String name, String description) {
		Counter.builder(name).description(description).register(this.registry).increment();
	}

}
