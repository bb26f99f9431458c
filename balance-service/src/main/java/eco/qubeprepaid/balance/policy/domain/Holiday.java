package eco.qubeprepaid.balance.policy.domain;

import java.time.LocalDate;

/**
 * A friendly date.
 *
 * @param date the IST calendar day
 * @param name what it is, e.g. {@code Diwali}
 */
public record Holiday(LocalDate date, String name) {
}
