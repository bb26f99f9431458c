package eco.qubeprepaid.sandbox.qube.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One simulated single-phase Qube meter. Energy accrues lazily: every operation first
 * brings the meter up to the simulated present, slot by slot, writing one history sample
 * per closed 15-minute slot. All arithmetic is integer: power in milliwatts, energy in
 * milliwatt- milliseconds carried into a milli-Wh register, prepaid deduction in paise
 * with the sub-paisa remainder carried. Every method is synchronized on the meter.
 */
public final class Meter {

	/** Milliwatt-milliseconds in one milli-Wh. */
	static final long UNITS_PER_MILLI_WH = 3_600_000L;

	/** Milli-Wh times paise-per-kWh in one paisa. */
	static final long DEDUCTION_UNITS_PER_PAISA = 1_000_000L;

	static final long SAMPLE_MILLIS = SimChoices.SAMPLE_SECONDS * 1000L;

	private static final long IST_OFFSET_MILLIS = 19_800_000L;

	private static final long MILLIS_PER_DAY = 86_400_000L;

	private final String deviceId;

	private final String accountKey;

	private final boolean hasRelay;

	private final LoadProfile profile;

	private final int scalePercent;

	private final long wobbleSeed;

	private final boolean frozen;

	private final int frozenPowerDeciW;

	private final int frozenVoltageDeciV;

	private final MeterHistory history;

	private final Truth truth = new Truth();

	private final String[] udfs;

	private Long spaceId;

	private String name;

	private String description;

	private Mode mode;

	private boolean relayClosed;

	private boolean manualOff;

	private long balance;

	private long ebTariff;

	private long dgTariff;

	private boolean dgRunning;

	private boolean pgEnabled;

	private String wifiSsid;

	private boolean adminOnline = true;

	private long offlineUntilRealMillis;

	private MeterView lastSync;

	private long registerMilliWh;

	private long energyUnits;

	private long deductionRemainder;

	private long slotUnits;

	private long slotCoveredMillis;

	private long lastMillis;

	/** When the meter was taken out by a replacement; it measures nothing after that. */
	private long retiredAtMillis = Long.MAX_VALUE;

	Meter(Spec spec, long simNowMillis, int maxSamples) {
		this.deviceId = spec.deviceId();
		this.accountKey = spec.accountKey();
		this.spaceId = spec.spaceId();
		this.name = spec.name();
		this.description = spec.description();
		this.udfs = Arrays.copyOf(spec.udfs().toArray(new String[0]), 5);
		this.hasRelay = spec.hasRelay();
		this.mode = spec.mode();
		this.balance = spec.balance();
		this.ebTariff = spec.ebTariff();
		this.dgTariff = spec.dgTariff();
		this.pgEnabled = spec.pgEnabled();
		this.profile = spec.profile();
		this.scalePercent = spec.scalePercent();
		this.wobbleSeed = spec.wobbleSeed();
		this.registerMilliWh = spec.registerMilliWh();
		this.frozen = spec.frozenPowerDeciW() != null;
		this.frozenPowerDeciW = this.frozen ? spec.frozenPowerDeciW() : 0;
		this.frozenVoltageDeciV = this.frozen ? spec.frozenVoltageDeciV() : 0;
		this.relayClosed = !this.hasRelay
				|| (this.mode != Mode.RELAY_OFF && !(this.mode == Mode.PREPAID && this.balance <= 0));
		this.history = new MeterHistory(maxSamples);
		this.lastMillis = simNowMillis;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("udf1", this.udfs[0]);
		details.put("register_milli_wh", this.registerMilliWh);
		details.put("balance", this.balance);
		details.put("mode", this.mode.name());
		this.truth.event(simNowMillis, this.deviceId, "created", details);
	}

	public String deviceId() {
		return this.deviceId;
	}

	public String accountKey() {
		return this.accountKey;
	}

	public synchronized Long spaceId() {
		return this.spaceId;
	}

	public synchronized String udf1() {
		return this.udfs[0];
	}

	/**
	 * Takes the meter out of service at the given simulated time (G22 replacement): its
	 * register and ground truth stop there, so reading it later never invents energy.
	 * @param simMillis the simulated time of the replacement
	 */
	public synchronized void retire(long simMillis) {
		advanceTo(simMillis);
		this.retiredAtMillis = simMillis;
	}

	/** Brings the meter's physics up to the given simulated time. */
	public synchronized void advanceTo(long requestedMillis) {
		long simMillis = Math.min(requestedMillis, this.retiredAtMillis);
		if (simMillis <= this.lastMillis) {
			return;
		}
		if (this.frozen) {
			this.lastMillis = simMillis;
			return;
		}
		long t = this.lastMillis;
		while (t < simMillis) {
			long slot = Math.floorDiv(t, SAMPLE_MILLIS);
			long slotEnd = (slot + 1) * SAMPLE_MILLIS;
			long stepEnd = Math.min(simMillis, slotEnd);
			if (this.relayClosed) {
				long milliWatts = wattsIn(slot) * 1000L;
				if (this.mode == Mode.PREPAID && milliWatts > 0) {
					long untilEmpty = millisUntilBalanceExhausted(milliWatts);
					if (untilEmpty >= 0 && t + untilEmpty < stepEnd) {
						stepEnd = t + untilEmpty;
					}
				}
				accrue(milliWatts * (stepEnd - t), t);
				if (this.mode == Mode.PREPAID && this.balance <= 0) {
					cutOff(stepEnd, "balance_exhausted");
				}
			}
			this.slotCoveredMillis += stepEnd - t;
			t = stepEnd;
			if (t == slotEnd) {
				closeSlot(slot);
			}
		}
		this.lastMillis = simMillis;
	}

	/** Whether the meter is connected to the cloud now. */
	public synchronized boolean isOnline(long realMillis) {
		return this.adminOnline && realMillis >= this.offlineUntilRealMillis;
	}

	/**
	 * The cloud's view of the meter: live values when online, the last sync when offline.
	 */
	public synchronized MeterView view(long simMillis, long realMillis) {
		advanceTo(simMillis);
		boolean online = isOnline(realMillis);
		if (online) {
			this.lastSync = null;
			return liveView(true, simMillis);
		}
		MeterView sync = (this.lastSync != null) ? this.lastSync : liveView(false, simMillis);
		return new MeterView(this.deviceId, this.spaceId, this.name, this.description, udfList(), false, this.hasRelay,
				this.mode, sync.relayState(), sync.balance(), this.ebTariff, this.dgTariff, sync.activeTariff(),
				this.pgEnabled, sync.energyMilliWh(), sync.powerDeciW(), sync.voltageDeciV());
	}

	/** P2: switches the relay (G4). */
	public synchronized void setRelay(boolean on, long simMillis, long realMillis) {
		advanceTo(simMillis);
		requireOnline(realMillis);
		if (!this.hasRelay) {
			throw new QubeException(SimChoices.Error.RELAY_NOT_AVAILABLE);
		}
		if (on && (this.mode == Mode.RELAY_OFF || this.mode == Mode.MEASUREMENT)) {
			throw new QubeException(SimChoices.Error.INVALID_STATE,
					"The relay cannot be switched on in " + this.mode.name() + " mode.");
		}
		if (on && this.mode == Mode.PREPAID && this.balance <= 0) {
			throw new QubeException(SimChoices.Error.INSUFFICIENT_BALANCE);
		}
		this.manualOff = !on;
		setRelayClosed(on, simMillis, on ? "relay_on_by_client" : "relay_off_by_client");
	}

	/** P3: changes the mode (G5). */
	public synchronized void setMode(Mode newMode, long simMillis, long realMillis) {
		advanceTo(simMillis);
		requireOnline(realMillis);
		if (newMode.needsRelay() && !this.hasRelay) {
			throw new QubeException(SimChoices.Error.RELAY_NOT_AVAILABLE,
					"Mode " + newMode.name() + " needs a relay and the device has none.");
		}
		Mode old = this.mode;
		this.mode = newMode;
		this.truth.event(simMillis, this.deviceId, "mode_changed", Map.of("from", old.name(), "to", newMode.name()));
		if (newMode == Mode.MEASUREMENT) {
			// The relay cannot be switched on by hand in MEASUREMENT, so the supply is
			// restored.
			this.manualOff = false;
		}
		applyRelayRules(simMillis);
	}

	/** P4: sets the balance to an absolute value (G3). */
	public synchronized void setBalance(long newBalance, long simMillis, long realMillis) {
		advanceTo(simMillis);
		requireOnline(realMillis);
		this.truth.event(simMillis, this.deviceId, "balance_set", Map.of("from", this.balance, "to", newBalance));
		this.balance = newBalance;
		applyRelayRules(simMillis);
	}

	/** P5: sets one or both tariffs. */
	public synchronized void setTariffs(Long eb, Long dg, long simMillis, long realMillis) {
		advanceTo(simMillis);
		requireOnline(realMillis);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("eb_tariff_from", this.ebTariff);
		details.put("dg_tariff_from", this.dgTariff);
		if (eb != null) {
			this.ebTariff = eb;
		}
		if (dg != null) {
			this.dgTariff = dg;
		}
		details.put("eb_tariff_to", this.ebTariff);
		details.put("dg_tariff_to", this.dgTariff);
		this.truth.event(simMillis, this.deviceId, "tariff_changed", details);
	}

	/**
	 * P6: stores the WiFi network; optionally drops offline for a while as the meter
	 * reconnects.
	 */
	public synchronized void setWifi(String ssid, long simMillis, long realMillis, long offlineMillis) {
		advanceTo(simMillis);
		requireOnline(realMillis);
		this.wifiSsid = ssid;
		if (offlineMillis > 0) {
			goOfflineUntil(realMillis + offlineMillis, simMillis);
		}
	}

	/**
	 * P1: updates metadata; only the fields present in the map change (partial update,
	 * G8).
	 */
	public synchronized void updateMetadata(Map<String, String> fields) {
		fields.forEach((field, value) -> {
			switch (field) {
				case "name" -> this.name = value;
				case "description" -> this.description = value;
				default -> this.udfs[Integer.parseInt(field.substring(3)) - 1] = value;
			}
		});
	}

	/** Admin: connects or disconnects the meter from the cloud. */
	public synchronized void setAdminOnline(boolean online, long simMillis) {
		advanceTo(simMillis);
		if (!online && this.adminOnline) {
			captureLastSync(simMillis);
		}
		this.adminOnline = online;
	}

	/**
	 * Admin or fault injection: the meter loses its connection until the given real time.
	 */
	public synchronized void goOfflineUntil(long realMillisUntil, long simMillis) {
		advanceTo(simMillis);
		if (this.adminOnline && this.lastSync == null) {
			captureLastSync(simMillis);
		}
		this.offlineUntilRealMillis = Math.max(this.offlineUntilRealMillis, realMillisUntil);
	}

	/**
	 * Admin (G20): a recharge made outside the client, e.g. through Qube's own gateway.
	 */
	public synchronized void externalRecharge(long amountPaise, long simMillis) {
		advanceTo(simMillis);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("amount_paise", amountPaise);
		details.put("balance_before", this.balance);
		this.balance = Math.addExact(this.balance, amountPaise);
		details.put("balance_after", this.balance);
		this.truth.event(simMillis, this.deviceId, "external_recharge", details);
		applyRelayRules(simMillis);
		refreshLastSync(simMillis);
	}

	/** Admin (G23): the energy register restarts from 0. */
	public synchronized void resetRegister(long simMillis) {
		advanceTo(simMillis);
		this.truth.event(simMillis, this.deviceId, "register_reset",
				Map.of("register_before_milli_wh", this.registerMilliWh));
		this.registerMilliWh = 0;
		refreshLastSync(simMillis);
	}

	/** Admin (G25): a diesel generator starts or stops supplying this meter. */
	public synchronized void setDgRunning(boolean running, long simMillis) {
		advanceTo(simMillis);
		if (this.dgRunning != running) {
			this.dgRunning = running;
			this.truth.event(simMillis, this.deviceId, running ? "dg_run_started" : "dg_run_stopped",
					Map.of("active_tariff", activeTariff()));
		}
	}

	/** Admin: takes the meter out of its space (it then answers device_not_in_space). */
	public synchronized void setSpace(Long newSpaceId, long simMillis) {
		advanceTo(simMillis);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("from_space_id", this.spaceId);
		details.put("to_space_id", newSpaceId);
		this.truth.event(simMillis, this.deviceId, (newSpaceId == null) ? "detached" : "attached", details);
		this.spaceId = newSpaceId;
	}

	/** Admin: records a timeline event on this meter (used for replacements). */
	public synchronized void recordEvent(long simMillis, String type, Map<String, Object> details) {
		advanceTo(simMillis);
		this.truth.event(simMillis, this.deviceId, type, details);
	}

	/**
	 * The spec of a replacement meter (G22): same metadata, mode, tariffs and balance;
	 * energy 0.
	 */
	public synchronized Spec replacementSpec(String newDeviceId, long simMillis, long wobbleSeed) {
		advanceTo(simMillis);
		return new Spec(newDeviceId, this.accountKey, this.spaceId, this.name, this.description, udfList(),
				this.hasRelay, this.mode, this.balance, this.ebTariff, this.dgTariff, this.pgEnabled, this.profile,
				this.scalePercent, wobbleSeed, 0, null, null);
	}

	/** Whether a DG run is in progress; a replacement inherits it. */
	public synchronized boolean dgRunning() {
		return this.dgRunning;
	}

	/** A copy of the ground truth recorded so far. */
	public synchronized TruthSnapshot truth(long simMillis) {
		advanceTo(simMillis);
		return new TruthSnapshot(this.deviceId, this.udfs[0], this.registerMilliWh, this.deductionRemainder,
				this.balance, this.truth.segments(), this.truth.events(), this.truth.droppedEvents());
	}

	/**
	 * The internal state for the admin API, including what the public API does not show.
	 */
	public synchronized Map<String, Object> internalState(long simMillis, long realMillis) {
		advanceTo(simMillis);
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("device_id", this.deviceId);
		state.put("api_key", this.accountKey);
		state.put("space_id", this.spaceId);
		state.put("name", this.name);
		state.put("udf1", this.udfs[0]);
		state.put("online", isOnline(realMillis));
		state.put("admin_online", this.adminOnline);
		state.put("offline_until_real_millis", this.offlineUntilRealMillis);
		state.put("has_relay", this.hasRelay);
		state.put("mode", this.mode.name());
		state.put("relay_state", this.relayClosed);
		state.put("manual_off", this.manualOff);
		state.put("balance", this.balance);
		state.put("eb_tariff", this.ebTariff);
		state.put("dg_tariff", this.dgTariff);
		state.put("active_tariff", activeTariff());
		state.put("dg_running", this.dgRunning);
		state.put("pg_enabled", this.pgEnabled);
		state.put("wifi_ssid", this.wifiSsid);
		state.put("register_milli_wh", this.registerMilliWh);
		state.put("energy_remainder_mw_ms", this.energyUnits);
		state.put("deduction_remainder", this.deductionRemainder);
		state.put("profile", this.profile.name());
		state.put("scale_percent", this.scalePercent);
		state.put("frozen", this.frozen);
		state.put("power_deci_w", powerDeciW(simMillis));
		state.put("history_samples", this.history.size());
		state.put("sim_time_millis", this.lastMillis);
		return state;
	}

	/** History samples with {@code fromSlot <= slot < toSlot}, oldest first. */
	synchronized void history(long fromSlot, long toSlot, long simMillis, Consumer<MeterHistory.Sample> consumer) {
		advanceTo(simMillis);
		this.history.forEach(fromSlot, toSlot, consumer);
	}

	/**
	 * Loads a past sample (fixtures only); samples must be older than the meter's
	 * present.
	 */
	synchronized void preloadSample(MeterHistory.Sample sample) {
		this.history.append(sample);
	}

	private void requireOnline(long realMillis) {
		if (!isOnline(realMillis)) {
			throw new QubeException(SimChoices.Error.DEVICE_OFFLINE);
		}
	}

	private int activeTariff() {
		return this.dgRunning ? SimChoices.ACTIVE_TARIFF_DG : SimChoices.ACTIVE_TARIFF_EB;
	}

	private long activeRate() {
		return this.dgRunning ? this.dgTariff : this.ebTariff;
	}

	/**
	 * The milliseconds of running at the given power after which the prepaid deduction
	 * uses up the balance, or -1 when that cannot happen within one slot (zero tariff, or
	 * far away).
	 */
	private long millisUntilBalanceExhausted(long milliWatts) {
		long rate = activeRate();
		if (rate == 0) {
			return -1;
		}
		long neededDeduction = this.balance * DEDUCTION_UNITS_PER_PAISA - this.deductionRemainder;
		long neededMilliWh = Math.max(0, ceilDiv(neededDeduction, rate));
		long slotMaxMilliWh = milliWatts * SAMPLE_MILLIS / UNITS_PER_MILLI_WH + 1;
		if (neededMilliWh > slotMaxMilliWh) {
			return -1;
		}
		long neededUnits = Math.max(0, neededMilliWh * UNITS_PER_MILLI_WH - this.energyUnits);
		return ceilDiv(neededUnits, milliWatts);
	}

	private void accrue(long units, long atMillis) {
		this.slotUnits += units;
		this.energyUnits += units;
		long milliWh = this.energyUnits / UNITS_PER_MILLI_WH;
		this.energyUnits %= UNITS_PER_MILLI_WH;
		if (milliWh == 0) {
			return;
		}
		this.registerMilliWh += milliWh;
		long rate = activeRate();
		boolean prepaid = this.mode == Mode.PREPAID;
		long deducted = 0;
		if (prepaid) {
			this.deductionRemainder += milliWh * rate;
			long paise = this.deductionRemainder / DEDUCTION_UNITS_PER_PAISA;
			this.deductionRemainder %= DEDUCTION_UNITS_PER_PAISA;
			deducted = Math.min(paise, Math.max(0, this.balance));
			this.balance -= deducted;
		}
		this.truth.addEnergy(this.deviceId, activeTariff(), rate, milliWh, prepaid, deducted);
	}

	private void closeSlot(long slot) {
		long meanDeciW = (this.slotCoveredMillis == 0) ? 0
				: (this.slotUnits + this.slotCoveredMillis * 50) / (this.slotCoveredMillis * 100);
		this.history.append(new MeterHistory.Sample(slot, this.registerMilliWh, this.balance, (int) meanDeciW,
				voltageDeciV(slot), this.relayClosed, activeTariff()));
		this.slotUnits = 0;
		this.slotCoveredMillis = 0;
	}

	/** Applies G26 and G5: the relay position that the mode and balance imply. */
	private void applyRelayRules(long simMillis) {
		if (!this.hasRelay) {
			return;
		}
		boolean shouldClose = switch (this.mode) {
			case RELAY_OFF -> false;
			case PREPAID -> this.balance > 0 && !this.manualOff;
			case POSTPAID -> !this.manualOff;
			case MEASUREMENT -> true;
		};
		if (shouldClose != this.relayClosed) {
			setRelayClosed(shouldClose, simMillis, shouldClose ? "relay_restored" : "relay_opened_by_mode");
		}
	}

	private void cutOff(long simMillis, String reason) {
		this.balance = 0;
		setRelayClosed(false, simMillis, reason);
	}

	private void setRelayClosed(boolean closed, long simMillis, String reason) {
		if (this.relayClosed != closed) {
			this.relayClosed = closed;
			this.truth.event(simMillis, this.deviceId, closed ? "relay_closed" : "relay_opened",
					Map.of("reason", reason, "balance", this.balance));
		}
	}

	private void captureLastSync(long simMillis) {
		this.lastSync = liveView(false, simMillis);
	}

	/**
	 * Admin changes made while offline show up in the last sync, as the cloud made them.
	 */
	private void refreshLastSync(long simMillis) {
		if (this.lastSync != null) {
			captureLastSync(simMillis);
		}
	}

	private MeterView liveView(boolean online, long simMillis) {
		return new MeterView(this.deviceId, this.spaceId, this.name, this.description, udfList(), online, this.hasRelay,
				this.mode, this.relayClosed, this.balance, this.ebTariff, this.dgTariff, activeTariff(), this.pgEnabled,
				this.registerMilliWh, powerDeciW(simMillis), voltageDeciV(slotOf(simMillis)));
	}

	private List<String> udfList() {
		return Collections.unmodifiableList(Arrays.asList(this.udfs.clone()));
	}

	private long powerDeciW(long simMillis) {
		if (!this.relayClosed) {
			return 0;
		}
		return this.frozen ? this.frozenPowerDeciW : wattsIn(slotOf(simMillis)) * 10L;
	}

	private long wattsIn(long slot) {
		int istHour = (int) (Math.floorMod(slot * SAMPLE_MILLIS + IST_OFFSET_MILLIS, MILLIS_PER_DAY) / 3_600_000L);
		long wobblePercent = 85 + Math.floorMod(mix(this.wobbleSeed ^ slot), 31);
		return this.profile.watts(istHour) * this.scalePercent * wobblePercent / 10_000L;
	}

	private int voltageDeciV(long slot) {
		return this.frozen ? this.frozenVoltageDeciV
				: 2250 + (int) Math.floorMod(mix(this.wobbleSeed * 31 + slot), 101);
	}

	private static long slotOf(long simMillis) {
		return Math.floorDiv(simMillis, SAMPLE_MILLIS);
	}

	private static long ceilDiv(long a, long b) {
		return -Math.floorDiv(-a, b);
	}

	/** A 64-bit finaliser (SplitMix64), so per-slot wobble is seeded and reproducible. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/**
	 * Everything needed to build a meter.
	 *
	 * @param deviceId device ID
	 * @param accountKey the API key that owns it
	 * @param spaceId its space, or {@code null}
	 * @param name name
	 * @param description description
	 * @param udfs udf1 to udf5 (may hold nulls, may be shorter)
	 * @param hasRelay whether it has a relay
	 * @param mode initial mode
	 * @param balance initial balance in paise
	 * @param ebTariff EB tariff, paise per kWh
	 * @param dgTariff DG tariff, paise per kWh
	 * @param pgEnabled payment gateway flag
	 * @param profile load profile
	 * @param scalePercent profile scale in percent
	 * @param wobbleSeed seed of the per-slot variation
	 * @param registerMilliWh initial energy register
	 * @param frozenPowerDeciW when not null, the meter is frozen (no accrual) at this
	 * power
	 * @param frozenVoltageDeciV the frozen meter's voltage
	 */
	public record Spec(String deviceId, String accountKey, Long spaceId, String name, String description,
			List<String> udfs, boolean hasRelay, Mode mode, long balance, long ebTariff, long dgTariff,
			boolean pgEnabled, LoadProfile profile, int scalePercent, long wobbleSeed, long registerMilliWh,
			Integer frozenPowerDeciW, Integer frozenVoltageDeciV) {
	}

	/**
	 * A copy of one meter's ground truth.
	 *
	 * @param deviceId device ID
	 * @param udf1 its stable identity now
	 * @param registerMilliWh the energy register now
	 * @param deductionRemainder the sub-paisa deduction carry (milli-Wh times paise per
	 * kWh)
	 * @param balance the balance now
	 * @param segments energy per tariff segment
	 * @param events the timeline
	 * @param droppedEvents timeline entries dropped by the bound
	 */
	public record TruthSnapshot(String deviceId, String udf1, long registerMilliWh, long deductionRemainder,
			long balance, List<Truth.Segment> segments, List<Truth.Event> events, long droppedEvents) {
	}

}
