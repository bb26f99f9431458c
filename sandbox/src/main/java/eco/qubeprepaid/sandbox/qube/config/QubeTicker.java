package eco.qubeprepaid.sandbox.qube.config;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Advances a bounded batch of meters per tick, so history samples and prepaid cut-offs
 * happen even for meters nobody reads, without a thread per meter. Also keeps offline
 * flaps going.
 */
@Component
public class QubeTicker {

	private final QubeSimulation simulation;

	public QubeTicker(QubeSimulation simulation) {
		this.simulation = simulation;
	}

	@Scheduled(fixedDelayString = "${sandbox.qube.ticker-interval-ms:1000}")
	void tick() {
		this.simulation.cloud().tick(this.simulation.properties().tickerBatch());
		this.simulation.cloud().applyOfflineFlaps(this.simulation.faults());
	}

}
