package eco.qubeprepaid.balance.metering.domain;

import java.time.LocalDate;

import eco.qubeprepaid.events.TariffKind;

/**
 * One day's consumption of one supply.
 *
 * @param date the IST day
 * @param kind the supply
 * @param energyMwh the energy
 * @param amountPaise what it was charged
 */
public record DailyUsageRow(LocalDate date, TariffKind kind, long energyMwh, long amountPaise) {
}
