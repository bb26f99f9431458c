package eco.qubeprepaid.sandbox.qube.api;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eco.qubeprepaid.sandbox.qube.model.History;
import eco.qubeprepaid.sandbox.qube.model.MeterView;
import eco.qubeprepaid.sandbox.qube.model.SpaceView;
import eco.qubeprepaid.sandbox.qube.model.Units;

/**
 * The JSON shapes of the public API, built as ordered maps so every key name (snake_case)
 * and every explicit {@code null} is exactly as documented, independent of mapper
 * settings.
 */
final class Wire {

	private Wire() {
	}

	/** A space as in E1/E2/E3 (REFERENCE 4.2). */
	static Map<String, Object> space(SpaceView space) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", space.name());
		json.put("description", space.description());
		json.put("space_id", space.spaceId());
		List<Map<String, Object>> devices = new ArrayList<>();
		for (MeterView device : space.devices()) {
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("device_id", device.deviceId());
			summary.put("name", device.name());
			summary.put("active_mode", device.mode().activeMode());
			putUdfs(summary, device.udfs());
			devices.add(summary);
		}
		json.put("devices", devices);
		json.put("tags", space.tags());
		putUdfs(json, space.udfs());
		return json;
	}

	/** Device details as in E4 and P1 (REFERENCE 4.5 and G9). */
	static Map<String, Object> device(MeterView device) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", device.name());
		json.put("device_id", device.deviceId());
		json.put("description", device.description());
		json.put("space_id", device.spaceId());
		json.put("is_online", device.online());
		json.put("has_relay", device.hasRelay());
		json.put("active_mode", device.mode().activeMode());
		json.put("relay_state", device.relayState());
		json.put("balance", device.balance());
		json.put("eb_tariff", device.ebTariff());
		json.put("dg_tariff", device.dgTariff());
		json.put("active_tariff", device.activeTariff());
		json.put("pg_enabled", device.pgEnabled());
		json.put("readings",
				List.of(reading("energy", Units.kwh(device.energyMilliWh()), "kWh"),
						reading("active_power", Units.tenths(device.powerDeciW()), "W"),
						reading("voltage", Units.tenths(device.voltageDeciV()), "V")));
		putUdfs(json, device.udfs());
		return json;
	}

	/** Flattened metrics as in E5 (REFERENCE 4.6). */
	static Map<String, Object> metrics(MeterView device) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("device_id", device.deviceId());
		json.put("eb_tariff", device.ebTariff());
		json.put("dg_tariff", device.dgTariff());
		json.put("active_tariff", device.activeTariff());
		json.put("energy", Units.kwh(device.energyMilliWh()));
		json.put("active_power", Units.tenths(device.powerDeciW()));
		json.put("voltage", Units.tenths(device.voltageDeciV()));
		json.put("balance", device.balance());
		json.put("relay_state", device.relayState());
		json.put("mode", device.mode().name());
		json.put("pg_enabled", device.pgEnabled());
		return json;
	}

	/** History as in E6 (REFERENCE 4.7, [SEED]). */
	static Map<String, Object> history(String deviceId, History.Request request, List<History.Point> points) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("device_id", deviceId);
		json.put("from_date", request.from().toString());
		json.put("to_date", request.to().toString());
		List<Map<String, Object>> readings = new ArrayList<>();
		for (History.Point point : points) {
			Map<String, Object> reading = reading(point.propertyId(), point.value(), point.unit());
			reading.put("timestamp", point.timestamp().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
			readings.add(reading);
		}
		json.put("readings", readings);
		return json;
	}

	private static Map<String, Object> reading(String propertyId, Object value, String unit) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("property_id", propertyId);
		json.put("value", value);
		json.put("unit", unit);
		return json;
	}

	private static void putUdfs(Map<String, Object> json, List<String> udfs) {
		for (int i = 0; i < 5; i++) {
			json.put("udf" + (i + 1), udfs.get(i));
		}
	}

}
