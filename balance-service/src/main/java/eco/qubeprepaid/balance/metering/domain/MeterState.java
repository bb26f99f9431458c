package eco.qubeprepaid.balance.metering.domain;

import java.time.LocalDate;

/**
 * A premise's metering state.
 *
 * @param baseline the last good reading
 * @param fixedChargedThrough the last IST day the fixed charge was charged for, or
 * {@code null}
 * @param suspect the newest unresolved quarantined reading, or {@code null}
 */
public record MeterState(MeterBaseline baseline, LocalDate fixedChargedThrough, MeterSuspect suspect) {
}
