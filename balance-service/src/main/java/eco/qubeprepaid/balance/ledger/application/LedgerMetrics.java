package eco.qubeprepaid.balance.ledger.application;

import java.util.Locale;

import eco.qubeprepaid.service.persistence.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The ledger's Micrometer meters (listed in docs/metrics.md). Tags are low-cardinality
 * only, never a premise or device id. Effects are counted after their transaction
 * commits, so a rolled-back or retried attempt is never counted.
 */
@Component
public class LedgerMetrics {

	private final MeterRegistry registry;

	public LedgerMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Counts a debit once its transaction commits.
	 * @param kind {@code eb}, {@code dg} or {@code fixed}
	 * @param amountPaise the amount
	 */
	public void debited(String kind, long amountPaise) {
		afterCommit(() -> DistributionSummary.builder("ledger.debits")
			.baseUnit("paise")
			.description("Debits committed to wallets")
			.tag("kind", kind)
			.register(this.registry)
			.record(amountPaise));
	}

	/**
	 * Counts a credit once its transaction commits.
	 * @param source {@code top-up}
	 * @param amountPaise the amount
	 */
	public void credited(String source, long amountPaise) {
		afterCommit(() -> DistributionSummary.builder("ledger.credits")
			.baseUnit("paise")
			.description("Credits committed to wallets")
			.tag("source", source)
			.register(this.registry)
			.record(amountPaise));
	}

	/**
	 * Counts an applied snapshot once its transaction commits.
	 * @param outcome what it did
	 */
	public void snapshotApplied(SnapshotOutcome outcome) {
		afterCommit(() -> Counter.builder("ledger.snapshots.applied")
			.description("Snapshots consumed, by outcome")
			.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
			.register(this.registry)
			.increment());
	}

	private static void afterCommit(Runnable action) {
		AfterCommit.run(action);
	}

}
