package eco.qubeprepaid.poller.registry.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The summary of a premise's last snapshot that the poller keeps: enough to detect a
 * register drop, to predict when the balance runs out and to know how stale the premise
 * is after a restart.
 *
 * @param energyKwh the energy register, may be {@code null}
 * @param balancePaise the meter's balance, may be {@code null}
 * @param online whether the meter was online
 * @param observedAt when it was read
 */
public record LastReading(BigDecimal energyKwh, Long balancePaise, boolean online, Instant observedAt) {

	public LastReading {
		Objects.requireNonNull(observedAt, "observedAt");
	}

}
