package eco.qubeprepaid.balance.metering.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import eco.qubeprepaid.balance.metering.application.MeteringQueries;
import eco.qubeprepaid.balance.metering.domain.DailyUsageRow;
import eco.qubeprepaid.balance.pricing.domain.Energy;
import eco.qubeprepaid.balance.web.IstDateRange;
import eco.qubeprepaid.events.TariffKind;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read API of metering: daily usage per premise (quarantined readings are in
 * {@link QuarantineController}).
 */
@RestController
public class MeteringController {

	private final MeteringQueries meters;

	private final Clock clock;

	public MeteringController(MeteringQueries meters, Clock clock) {
		this.meters = meters;
		this.clock = clock;
	}

	@GetMapping("/api/premises/{premiseId}/usage/daily")
	public DailyUsageView dailyUsage(@PathVariable String premiseId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		IstDateRange range = IstDateRange.parse(from, to, this.clock);
		Map<LocalDate, long[]> days = new TreeMap<>();
		for (DailyUsageRow row : this.meters.dailyUsage(premiseId, range.from(), range.to())) {
			long[] totals = days.computeIfAbsent(row.date(), (day) -> new long[4]);
			int offset = (row.kind() == TariffKind.DG) ? 2 : 0;
			totals[offset] += row.energyMwh();
			totals[offset + 1] += row.amountPaise();
		}
		List<DayUsage> usage = days.entrySet()
			.stream()
			.map((day) -> DayUsage.of(day.getKey(), day.getValue()))
			.toList();
		return new DailyUsageView(premiseId, range.from(), range.to(), usage);
	}

	/**
	 * Daily usage of a premise.
	 *
	 * @param premiseId the premise
	 * @param from the first IST day
	 * @param to the last IST day
	 * @param days the days with consumption, oldest first
	 */
	public record DailyUsageView(String premiseId, LocalDate from, LocalDate to, List<DayUsage> days) {
	}

	/**
	 * One IST day's energy (by the day each billed interval ended) and its charges.
	 *
	 * @param date the day
	 * @param ebEnergyWh grid energy in Wh, exact
	 * @param ebPaise grid charges
	 * @param dgEnergyWh generator energy in Wh, exact
	 * @param dgPaise generator charges
	 * @param totalEnergyWh all energy in Wh
	 * @param totalPaise all energy charges
	 */
	public record DayUsage(LocalDate date, BigDecimal ebEnergyWh, long ebPaise, BigDecimal dgEnergyWh, long dgPaise,
			BigDecimal totalEnergyWh, long totalPaise) {

		static DayUsage of(LocalDate date, long[] t) {
			return new DayUsage(date, Energy.toWh(t[0]), t[1], Energy.toWh(t[2]), t[3], Energy.toWh(t[0] + t[2]),
					t[1] + t[3]);
		}

	}

}
