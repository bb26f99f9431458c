package eco.qubeprepaid.qube.client.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One bucket of a history series (E6). Boolean properties such as {@code relay_state} are
 * given as 1 (true) and 0 (false).
 *
 * @param propertyId the property
 * @param value the exact value at the bucket end (cumulative) or the bucket mean
 * (instantaneous)
 * @param unit the unit
 * @param timestamp the bucket end, with the offset the server sent (IST, {@code +05:30})
 */
public record HistoryReading(String propertyId, BigDecimal value, String unit, OffsetDateTime timestamp) {
}
