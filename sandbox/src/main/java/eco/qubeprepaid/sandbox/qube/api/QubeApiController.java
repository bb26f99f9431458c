package eco.qubeprepaid.sandbox.qube.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import eco.qubeprepaid.sandbox.qube.config.QubeSimulation;
import eco.qubeprepaid.sandbox.qube.model.History;
import eco.qubeprepaid.sandbox.qube.model.Mode;
import eco.qubeprepaid.sandbox.qube.model.QubeCloud;
import eco.qubeprepaid.sandbox.qube.model.QubeException;
import eco.qubeprepaid.sandbox.qube.model.SimChoices;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public Qube API v2 (REFERENCE section 4 and 9.2), with the exact documented paths:
 * spaces and device paths end in a slash, {@code /metrics} and {@code /metrics/history}
 * do not (G11). The API key was checked and counted by {@link QubeApiFilter}.
 */
@RestController
@RequestMapping("/api/v2")
public class QubeApiController {

	private final QubeSimulation simulation;

	private final RequestBodies bodies;

	public QubeApiController(QubeSimulation simulation, JsonMapper mapper) {
		this.simulation = simulation;
		this.bodies = new RequestBodies(mapper);
	}

	/** E1: the key's spaces with their devices. */
	@GetMapping("/spaces/")
	public Envelope listSpaces(@RequestAttribute(QubeApiFilter.API_KEY) String key) {
		return ok(cloud().listSpaces(key).stream().map(Wire::space).toList());
	}

	/** E2: one space. */
	@GetMapping("/spaces/{space_id}/")
	public Envelope space(@RequestAttribute(QubeApiFilter.API_KEY) String key,
			@PathVariable("space_id") String spaceId) {
		return ok(Wire.space(cloud().space(key, spaceId)));
	}

	/** E3: partial update of a space. */
	@PutMapping("/spaces/{space_id}/")
	public Envelope updateSpace(@RequestAttribute(QubeApiFilter.API_KEY) String key,
			@PathVariable("space_id") String spaceId, @RequestBody(required = false) String body) {
		cloud().space(key, spaceId);
		JsonNode json = this.bodies.object(body);
		Map<String, String> fields = RequestBodies.metadata(json);
		List<String> tags = RequestBodies.tags(json);
		return Envelope.ok(Wire.space(cloud().updateSpace(key, spaceId, fields, tags)), "Space updated", now());
	}

	/** E4: device details; works offline with the last known values (G16). */
	@GetMapping("/devices/{device_id}/")
	public Envelope device(@RequestAttribute(QubeApiFilter.API_KEY) String key,
			@PathVariable("device_id") String deviceId) {
		return ok(Wire.device(cloud().device(key, deviceId)));
	}

	/** P1: partial update of device metadata; works offline (G8). */
	@PutMapping("/devices/{device_id}/")
	public Envelope updateDevice(@RequestAttribute(QubeApiFilter.API_KEY) String key,
			@PathVariable("device_id") String deviceId, @RequestBody(required = false) String body) {
		cloud().checkDevice(key, deviceId);
		Map<String, String> fields = RequestBodies.metadata(this.bodies.object(body));
		return Envelope.ok(Wire.device(cloud().updateDevice(key, deviceId, fields)), "Device updated", now());
	}

	/** E5: flattened metrics; the device must be online. */
	@GetMapping("/devices/{device_id}/metrics")
	public Envelope metrics(@RequestAttribute(QubeApiFilter.API_KEY) String key,
			@PathVariable("device_id") String deviceId) {
		return ok(Wire.metrics(cloud().metrics(key, deviceId)));
	}

	/** E6: history of one property over IST days (G10). */
	@GetMapping("/devices/{device_id}/metrics/history")
	public Envelope history(@RequestAttribute(QubeApiFilter.API_KEY) String key,
			@PathVariable("device_id") String deviceId,
			@RequestParam(name = "property_id", required = false) String propertyId,
			@RequestParam(name = "from_date", required = false) String fromDate,
			@RequestParam(name = "to_date", required = false) String toDate,
			@RequestParam(name = "interval", required = false) String interval) {
		cloud().checkDevice(key, deviceId);
		History.Request request = History.parse(propertyId, fromDate, toDate, interval);
		return ok(Wire.history(deviceId, request, cloud().history(key, deviceId, request)));
	}

	/** P2: relay on or off (G4). */
	@PutMapping("/devices/{device_id}/relay/")
	public Envelope relay(@RequestAttribute(QubeApiFilter.API_KEY) String key,
			@PathVariable("device_id") String deviceId, @RequestBody(required = false) String body) {
		cloud().checkDevice(key, deviceId);
		boolean on = RequestBodies.requiredBoolean(this.bodies.object(body), "relay_state");
		cloud().setRelay(key, deviceId, on);
		return done(on ? "Relay switched on" : "Relay switched off");
	}

	/** P3: mode change (G5), either case. */
	@PutMapping("/devices/{device_id}/mode/")
	public Envelope mode(@RequestAttribute(QubeApiFilter.API_KEY) String key,
			@PathVariable("device_id") String deviceId, @RequestBody(required = false) String body) {
		cloud().checkDevice(key, deviceId);
		Mode mode = Mode.parse(RequestBodies.requiredString(this.bodies.object(body), "mode", 1, 32));
		if (mode == null) {
			throw QubeException.invalid("mode must be one of prepaid, postpaid, measurement, relay_off.");
		}
		cloud().setMode(key, deviceId, mode);
		return done("Mode changed to " + mode.activeMode());
	}

	/** P4: sets the balance to an absolute value in paise (G3). */
	@PutMapping("/devices/{device_id}/balance/")
	public Envelope balance(@RequestAttribute(QubeApiFilter.API_KEY) String key,
			@PathVariable("device_id") String deviceId, @RequestBody(required = false) String body) {
		cloud().checkDevice(key, deviceId);
		long balance = RequestBodies.requiredLong(this.bodies.object(body), "balance", SimChoices.BALANCE_MIN,
				SimChoices.BALANCE_MAX);
		cloud().setBalance(key, deviceId, balance);
		return done("Balance set to " + balance + " paise");
	}

	/** P5: EB and/or DG tariff in paise per kWh (G6). */
	@PutMapping("/devices/{device_id}/tariff/")
	public Envelope tariff(@RequestAttribute(QubeApiFilter.API_KEY) String key,
			@PathVariable("device_id") String deviceId, @RequestBody(required = false) String body) {
		cloud().checkDevice(key, deviceId);
		JsonNode json = this.bodies.object(body);
		Long eb = RequestBodies.optionalLong(json, "eb_tariff", SimChoices.TARIFF_MIN, SimChoices.TARIFF_MAX);
		Long dg = RequestBodies.optionalLong(json, "dg_tariff", SimChoices.TARIFF_MIN, SimChoices.TARIFF_MAX);
		if (eb == null && dg == null) {
			throw QubeException.invalid("Give eb_tariff, dg_tariff or both.");
		}
		cloud().setTariffs(key, deviceId, eb, dg);
		return done("Tariff updated");
	}

	/** P6: WiFi credentials (G7); the password is never echoed. */
	@PutMapping("/devices/{device_id}/wifi/")
	public Envelope wifi(@RequestAttribute(QubeApiFilter.API_KEY) String key,
			@PathVariable("device_id") String deviceId, @RequestBody(required = false) String body) {
		cloud().checkDevice(key, deviceId);
		JsonNode json = this.bodies.object(body);
		String ssid = RequestBodies.requiredString(json, "ssid", SimChoices.SSID_MIN_LENGTH,
				SimChoices.SSID_MAX_LENGTH);
		RequestBodies.optionalString(json, "password", 0, SimChoices.WIFI_PASSWORD_MAX_LENGTH);
		cloud().setWifi(key, deviceId, ssid, SimChoices.WIFI_CHANGE_OFFLINE_SECONDS * 1000L);
		return done("WiFi credentials updated");
	}

	private QubeCloud cloud() {
		return this.simulation.cloud();
	}

	private Envelope ok(Object data) {
		return Envelope.ok(data, now());
	}

	/** A control write's answer per REFERENCE 9.2 [SEED]: data true plus a message. */
	private Envelope done(String message) {
		return Envelope.ok(Boolean.TRUE, message, now());
	}

	private Instant now() {
		return this.simulation.clock().now();
	}

}
