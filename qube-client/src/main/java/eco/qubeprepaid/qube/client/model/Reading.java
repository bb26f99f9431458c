package eco.qubeprepaid.qube.client.model;

import java.math.BigDecimal;

/**
 * One current reading in the device details (E4).
 *
 * @param propertyId the property, for example {@code energy}
 * @param value the exact decimal value, {@code null} if absent
 * @param unit the unit, for example {@code kWh}
 */
public record Reading(String propertyId, BigDecimal value, String unit) {
}
