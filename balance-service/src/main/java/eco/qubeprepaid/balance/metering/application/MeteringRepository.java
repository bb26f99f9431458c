package eco.qubeprepaid.balance.metering.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.balance.metering.domain.BilledInterval;
import eco.qubeprepaid.balance.metering.domain.DailyUsageRow;
import eco.qubeprepaid.balance.metering.domain.HeldReading;
import eco.qubeprepaid.balance.metering.domain.MeterState;
import eco.qubeprepaid.balance.metering.domain.Quarantine;
import eco.qubeprepaid.balance.metering.domain.QuarantinedReading;
import eco.qubeprepaid.balance.metering.domain.Resolution;

/**
 * Metering's storage: meter states, billed intervals, quarantined and held readings, in
 * the caller's transaction. Implemented by {@code metering.persistence.MeteringStore}.
 */
public interface MeteringRepository {

	/**
	 * @param premiseIds premises
	 * @return the meter state of each that has been read before, by premise
	 */
	Map<String, MeterState> load(Collection<String> premiseIds);

	/**
	 * Stores premises' new states, one statement for all.
	 * @param states the states by premise
	 * @param now the time of the change
	 */
	void save(Map<String, MeterState> states, Instant now);

	/**
	 * Records billed intervals, one statement for all.
	 * @param intervals the intervals
	 */
	void recordConsumption(List<BilledInterval> intervals);

	/**
	 * Records quarantined readings, one statement for all.
	 * @param readings the readings
	 */
	void quarantine(List<Quarantine> readings);

	/**
	 * Counts readings held with their quarantined reading, one statement for all.
	 * @param held the readings, each with the quarantined snapshot it follows
	 */
	void hold(List<HeldReading> held);

	/**
	 * Ends a premise's hold on an unresolved reading once an operator resolved it.
	 * @param premiseId the premise
	 * @param snapshotId the resolved reading's snapshot
	 * @param now the time of the change
	 */
	void clearSuspect(String premiseId, UUID snapshotId, Instant now);

	/**
	 * @param limit the most rows to return
	 * @return the open quarantined readings, newest first
	 */
	List<QuarantinedReading> openQuarantine(int limit);

	/**
	 * @param id a quarantined reading's id
	 * @return the row, open or resolved
	 */
	Optional<QuarantinedReading> quarantined(long id);

	/**
	 * Resolves a quarantined reading if it is still open. The status condition is in the
	 * statement, so of two transactions resolving the same row only one changes it.
	 * @param id the row's id
	 * @param resolution the operator's decision
	 * @param operator who decided
	 * @param note why, or {@code null}
	 * @param at when
	 * @return whether the row was open and is resolved now
	 */
	boolean resolve(long id, Resolution resolution, String operator, String note, Instant at);

	/**
	 * Makes a quarantined reading the premise's baseline (device, epoch, register and
	 * time), keeping the supply and meter rates in force and the last day charged the
	 * fixed charge, provided the reading is newer than the current baseline.
	 * @param reading the reading
	 * @param now the time of the change
	 * @return whether the baseline moved ({@code false} if the premise has no baseline or
	 * a baseline at or after the reading)
	 */
	boolean rebaseline(QuarantinedReading reading, Instant now);

	/**
	 * The energy and charges of a premise per IST day and supply.
	 * @param premiseId the premise
	 * @param from the first day
	 * @param to the last day, inclusive
	 * @return one row per day and supply with any consumption, oldest first
	 */
	List<DailyUsageRow> dailyUsage(String premiseId, LocalDate from, LocalDate to);

}
