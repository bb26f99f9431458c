package eco.qubeprepaid.sandbox.qube.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ground truth of one physical meter: the exact energy it measured, split by the
 * tariff in force, the paise it deducted by itself, and a timeline of the events that a
 * billing system has to survive (recharges, register resets, replacements, cut-offs).
 * Tests read it through the admin API and compare it with what the public API reported.
 */
public final class Truth {

	private static final int MAX_EVENTS = 10_000;

	private final Map<SegmentKey, long[]> segments = new LinkedHashMap<>();

	private final List<Event> events = new ArrayList<>();

	private long droppedEvents;

	void addEnergy(String deviceId, int activeTariff, long rate, long milliWh, boolean prepaid, long paise) {
		long[] totals = this.segments.computeIfAbsent(new SegmentKey(deviceId, activeTariff, rate), (k) -> new long[3]);
		totals[0] += milliWh;
		if (prepaid) {
			totals[1] += milliWh;
		}
		totals[2] += paise;
	}

	void event(long simMillis, String deviceId, String type, Map<String, Object> details) {
		if (this.events.size() >= MAX_EVENTS) {
			this.events.remove(0);
			this.droppedEvents++;
		}
		this.events
			.add(new Event(simMillis, deviceId, type, Collections.unmodifiableMap(new LinkedHashMap<>(details))));
	}

	/** The energy segments in the order they first occurred. */
	public List<Segment> segments() {
		List<Segment> result = new ArrayList<>();
		this.segments.forEach((key, totals) -> result
			.add(new Segment(key.deviceId(), key.activeTariff(), key.rate(), totals[0], totals[1], totals[2])));
		return result;
	}

	public List<Event> events() {
		return List.copyOf(this.events);
	}

	/** Timeline entries dropped because the bounded timeline was full. */
	public long droppedEvents() {
		return this.droppedEvents;
	}

	private record SegmentKey(String deviceId, int activeTariff, long rate) {
	}

	/**
	 * Energy measured while one tariff rate was in force on one device.
	 *
	 * @param deviceId the device that measured it
	 * @param activeTariff 1 (EB) or 2 (DG)
	 * @param rate the tariff in force, paise per kWh
	 * @param energyMilliWh all energy measured, in milli-Wh
	 * @param prepaidEnergyMilliWh the part measured in PREPAID mode (the part the meter
	 * charged)
	 * @param paiseDeducted the paise the meter deducted for this segment (with sub-paisa
	 * carry across segments, and less if the balance was clamped at 0)
	 */
	public record Segment(String deviceId, int activeTariff, long rate, long energyMilliWh, long prepaidEnergyMilliWh,
			long paiseDeducted) {
	}

	/**
	 * One timeline entry.
	 *
	 * @param simMillis simulated time of the event, epoch milliseconds
	 * @param deviceId the device concerned
	 * @param type what happened
	 * @param details values that describe it
	 */
	public record Event(long simMillis, String deviceId, String type, Map<String, Object> details) {
	}

}
