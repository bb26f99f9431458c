package eco.qubeprepaid.sandbox.qube.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eco.qubeprepaid.sandbox.qube.model.History;
import eco.qubeprepaid.sandbox.qube.model.Meter;
import eco.qubeprepaid.sandbox.qube.model.Truth;
import eco.qubeprepaid.sandbox.qube.model.Units;

/** JSON shapes of the admin API's ground-truth answers. */
final class AdminViews {

	private AdminViews() {
	}

	/** Ground truth of one meter, with totals. */
	static Map<String, Object> truth(Meter.TruthSnapshot truth) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("device_id", truth.deviceId());
		json.put("udf1", truth.udf1());
		json.put("register_milli_wh", truth.registerMilliWh());
		json.put("register_kwh", Units.kwh(truth.registerMilliWh()));
		json.put("balance", truth.balance());
		json.put("deduction_remainder", truth.deductionRemainder());
		long energy = 0;
		long paise = 0;
		List<Map<String, Object>> segments = new ArrayList<>();
		for (Truth.Segment segment : truth.segments()) {
			energy += segment.energyMilliWh();
			paise += segment.paiseDeducted();
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("device_id", segment.deviceId());
			s.put("active_tariff", segment.activeTariff());
			s.put("rate", segment.rate());
			s.put("energy_milli_wh", segment.energyMilliWh());
			s.put("energy_wh", wh(segment.energyMilliWh()));
			s.put("prepaid_energy_milli_wh", segment.prepaidEnergyMilliWh());
			s.put("paise_deducted", segment.paiseDeducted());
			segments.add(s);
		}
		json.put("energy_milli_wh", energy);
		json.put("energy_wh", wh(energy));
		json.put("paise_deducted", paise);
		json.put("segments", segments);
		json.put("events", events(truth.events()));
		json.put("dropped_events", truth.droppedEvents());
		return json;
	}

	/** Ground truth of a stable identity across replacements. */
	static Map<String, Object> identity(String identity, List<Meter.TruthSnapshot> truths) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("identity", identity);
		List<Map<String, Object>> devices = truths.stream().map(AdminViews::truth).toList();
		json.put("energy_milli_wh", devices.stream().mapToLong((d) -> (long) d.get("energy_milli_wh")).sum());
		json.put("energy_wh", wh((long) json.get("energy_milli_wh")));
		json.put("paise_deducted", devices.stream().mapToLong((d) -> (long) d.get("paise_deducted")).sum());
		json.put("devices", devices);
		List<Truth.Event> all = new ArrayList<>();
		truths.forEach((t) -> all.addAll(t.events()));
		all.sort((a, b) -> Long.compare(a.simMillis(), b.simMillis()));
		json.put("timeline", events(all));
		return json;
	}

	private static List<Map<String, Object>> events(List<Truth.Event> events) {
		List<Map<String, Object>> result = new ArrayList<>();
		for (Truth.Event event : events) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("time", Instant.ofEpochMilli(event.simMillis()).atZone(History.IST).toOffsetDateTime().toString());
			e.put("sim_millis", event.simMillis());
			e.put("device_id", event.deviceId());
			e.put("type", event.type());
			e.put("details", event.details());
			result.add(e);
		}
		return result;
	}

	private static BigDecimal wh(long milliWh) {
		return Units.atLeastOneDecimal(BigDecimal.valueOf(milliWh, 3));
	}

}
