package eco.qubeprepaid.balance.metering.application;

import eco.qubeprepaid.service.persistence.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Metering's Micrometer meters (listed in docs/metrics.md), counted after their
 * transaction commits.
 */
@Component
public class MeteringMetrics {

	private final MeterRegistry registry;

	public MeteringMetrics(MeterRegistry registry) {
		this.registry = registry;
		// Both actions exist from the start at zero: the review backlog's panel reads 0
		// rather than no data before the first resolution.
		for (String action : new String[] { "dismiss", "rebaseline" }) {
			counter(action);
		}
	}

	/**
	 * Counts an operator's resolution of a quarantined reading once its transaction
	 * commits.
	 * @param action {@code dismiss} or {@code rebaseline}
	 */
	public void quarantineResolved(String action) {
		AfterCommit.run(() -> counter(action).increment());
	}

	private Counter counter(String action) {
		return Counter.builder("ledger.quarantine.resolved")
			.description("Quarantined readings resolved by operators, by action")
			.tag("action", action)
			.register(this.registry);
	}

}
