package eco.qubeprepaid.balance.metering.application;

import java.time.LocalDate;
import java.util.List;

import eco.qubeprepaid.balance.errors.UnknownPremiseException;
import eco.qubeprepaid.balance.metering.domain.DailyUsageRow;
import eco.qubeprepaid.balance.work.PremiseLocks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What metering tells about a premise's consumption, read-only. */
@Service
public class MeteringQueries {

	private final MeteringRepository meters;

	private final PremiseLocks premises;

	public MeteringQueries(MeteringRepository meters, PremiseLocks premises) {
		this.meters = meters;
		this.premises = premises;
	}

	/**
	 * @param premiseId a premise
	 * @param from the first IST day
	 * @param to the last IST day, inclusive
	 * @return its energy and charges per day and supply, oldest first
	 * @throws UnknownPremiseException if the service has never seen it
	 */
	@Transactional(readOnly = true)
	public List<DailyUsageRow> dailyUsage(String premiseId, LocalDate from, LocalDate to) {
		this.premises.requireKnown(premiseId);
		return this.meters.dailyUsage(premiseId, from, to);
	}

}
