package eco.qubeprepaid.balance.metering.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eco.qubeprepaid.balance.metering.domain.BilledInterval;
import eco.qubeprepaid.balance.metering.domain.HeldReading;
import eco.qubeprepaid.balance.metering.domain.MeterState;
import eco.qubeprepaid.balance.metering.domain.Quarantine;
import eco.qubeprepaid.balance.work.UnitOfWork;
import eco.qubeprepaid.balance.work.UnitPart;

import org.springframework.stereotype.Component;

/**
 * Metering's part of a unit of work: the locked premises' meter states (baseline, fixed
 * charges through, suspect reading), read in one round trip when first needed, and the
 * billed intervals, quarantined and held readings of this transaction; written through
 * the {@link MeteringRepository}.
 */
public final class MeterStates implements UnitPart {

	private final UnitOfWork work;

	private final MeteringRepository meters;

	private Map<String, MeterState> states;

	private final Map<String, MeterState> changed = new LinkedHashMap<>();

	private final List<BilledInterval> intervals = new ArrayList<>();

	private final List<Quarantine> quarantines = new ArrayList<>();

	private final List<HeldReading> held = new ArrayList<>();

	MeterStates(UnitOfWork work, MeteringRepository meters) {
		this.work = work;
		this.meters = meters;
	}

	/**
	 * @param premiseId a premise of this unit
	 * @return its meter state, if it has been read before
	 */
	public Optional<MeterState> meterState(String premiseId) {
		this.work.requireLocked(premiseId);
		if (this.states == null) {
			this.states = new HashMap<>(this.meters.load(this.work.premises()));
		}
		return Optional.ofNullable(this.states.get(premiseId));
	}

	/**
	 * @param premiseId a premise of this unit
	 * @param state its new meter state
	 */
	public void save(String premiseId, MeterState state) {
		meterState(premiseId);
		this.states.put(premiseId, state);
		this.changed.put(premiseId, state);
	}

	/**
	 * @param interval a billed interval to record
	 */
	public void recordInterval(BilledInterval interval) {
		this.intervals.add(interval);
	}

	/**
	 * @param quarantine a reading refused for billing
	 */
	public void quarantine(Quarantine quarantine) {
		this.quarantines.add(quarantine);
	}

	/**
	 * @param reading a reading held with an unresolved quarantined reading
	 */
	public void hold(HeldReading reading) {
		this.held.add(reading);
	}

	@Override
	public void flush(Instant now) {
		this.meters.recordConsumption(this.intervals);
		this.meters.quarantine(this.quarantines);
		this.meters.hold(this.held);
		this.meters.save(this.changed, now);
	}

	/** Opens metering's part of each unit of work. */
	@Component
	public static class Factory extends UnitPart.Factory<MeterStates> {

		public Factory(MeteringRepository meters) {
			super(MeterStates.class, 20, (work) -> new MeterStates(work, meters));
		}

	}

}
