package eco.qubeprepaid.balance.metering.domain;

import java.time.Instant;
import java.time.LocalDate;

import eco.qubeprepaid.balance.pricing.domain.PricedTariff;

/**
 * A billed interval, the row behind daily usage.
 *
 * @param premiseId the premise
 * @param reading the reading that closed the interval
 * @param intervalStart when the interval started (the previous baseline)
 * @param tariff the rate it was priced at
 * @param energyMwh its energy
 * @param amountPaise the debit it caused
 * @param usageDate the IST day it is reported under
 */
public record BilledInterval(String premiseId, MeterReading reading, Instant intervalStart, PricedTariff tariff,
		long energyMwh, long amountPaise, LocalDate usageDate) {
}
