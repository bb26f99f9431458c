package eco.qubeprepaid.balance.metering.application;

import eco.qubeprepaid.balance.work.AfterCommit;
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
	}

	/**
	 * Counts an operator's resolution of a quarantined reading once its transaction
	 * commits.
	 * @param action {@code dismiss} or {@code rebaseline}
	 */
	public void quarantineResolved(String action) {
		AfterCommit.run(() -> Counter.builder("ledger.quarantine.resolved")
			.description("Quarantined readings resolved by operators, by action")
			.tag("action", action)
			.register(this.registry)
			.increment());
	}

}
