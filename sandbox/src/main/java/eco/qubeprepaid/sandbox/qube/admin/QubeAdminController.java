package eco.qubeprepaid.sandbox.qube.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import eco.qubeprepaid.sandbox.qube.config.QubeSimulation;
import eco.qubeprepaid.sandbox.qube.model.Faults;
import eco.qubeprepaid.sandbox.qube.model.FleetGenerator;
import eco.qubeprepaid.sandbox.qube.model.History;
import eco.qubeprepaid.sandbox.qube.model.Meter;
import eco.qubeprepaid.sandbox.qube.model.Mode;
import eco.qubeprepaid.sandbox.qube.model.QubeCloud;
import eco.qubeprepaid.sandbox.qube.model.RateLimiter;
import eco.qubeprepaid.sandbox.qube.model.SimChoices;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API of the Qube simulator ({@code /admin/qube/...}): no API key, snake_case
 * JSON, separate from the public API. Lets tests and developers shape the world (fleet,
 * keys, limits, clock, faults, device events) and read the ground truth. Documented in
 * the module README. Bad input answers 400 with a message and changes nothing.
 */
@RestController
@RequestMapping("/admin/qube")
public class QubeAdminController {

	private static final int MAX_FLEET_METERS = 100_000;

	private final QubeSimulation simulation;

	public QubeAdminController(QubeSimulation simulation) {
		this.simulation = simulation;
	}

	@PostMapping("/fleet")
	public Map<String, Object> fleet(@RequestBody(required = false) AdminRequests.Fleet body) {
		AdminRequests.Fleet fleet = AdminRequests.require(body, "body {seed, meters, spaces, api_keys} is required");
		int meters = AdminRequests.require(fleet.meters(), "meters is required");
		int spaces = AdminRequests.require(fleet.spaces(), "spaces is required");
		List<String> keys = AdminRequests.require(fleet.apiKeys(), "api_keys is required");
		if (meters < 0 || meters > MAX_FLEET_METERS || spaces < 1 || spaces > 10_000 || keys.isEmpty()
				|| keys.stream().anyMatch((k) -> k == null || k.isBlank())) {
			throw new IllegalArgumentException("need 0 <= meters <= " + MAX_FLEET_METERS
					+ ", 1 <= spaces <= 10000 and a non-empty list of non-blank api_keys");
		}
		long seed = (fleet.seed() != null) ? fleet.seed() : 42L;
		Mode mode = (fleet.mode() != null) ? Mode.parse(fleet.mode()) : null;
		if (fleet.mode() != null && mode == null) {
			throw new IllegalArgumentException(
					"mode must be prepaid, postpaid, measurement or relay_off, was '" + fleet.mode() + "'");
		}
		if (fleet.balancePaise() != null
				&& (fleet.balancePaise() < SimChoices.BALANCE_MIN || fleet.balancePaise() > SimChoices.BALANCE_MAX)) {
			throw new IllegalArgumentException("balance_paise must be between " + SimChoices.BALANCE_MIN + " and "
					+ SimChoices.BALANCE_MAX + ", was " + fleet.balancePaise());
		}
		List<FleetGenerator.Created> created = FleetGenerator.generate(cloud(), seed, meters, spaces, keys,
				new FleetGenerator.Overrides(mode, fleet.balancePaise()));
		return Map.of("devices", created);
	}

	@GetMapping("/keys")
	public List<Map<String, Object>> keys() {
		List<Map<String, Object>> result = new ArrayList<>();
		cloud().accounts().forEach((key, spaceIds) -> {
			RateLimiter.Limit limit = this.simulation.rateLimiter().limitFor(key);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("api_key", key);
			json.put("space_ids", spaceIds);
			json.put("device_count", cloud().deviceCount(key));
			json.put("rate_limit", limit);
			result.add(json);
		});
		return result;
	}

	@PostMapping("/keys")
	public Map<String, Object> addKey(@RequestBody(required = false) AdminRequests.NewKey body) {
		String key = AdminRequests.require((body != null) ? body.apiKey() : null, "api_key is required");
		cloud().addAccount(key);
		return Map.of("api_key", key);
	}

	@PutMapping("/rate-limit")
	public Map<String, Object> rateLimit(@RequestBody(required = false) AdminRequests.RateLimit body) {
		AdminRequests.RateLimit request = AdminRequests.require(body, "body {requests, window_seconds} is required");
		RateLimiter.Limit limit = new RateLimiter.Limit(
				AdminRequests.require(request.requests(), "requests is required"),
				AdminRequests.require(request.windowSeconds(), "window_seconds is required"));
		if (request.apiKey() != null) {
			if (!cloud().isKnownKey(request.apiKey())) {
				throw new NoSuchElementException("no api key " + request.apiKey());
			}
			this.simulation.rateLimiter().setLimit(request.apiKey(), limit);
		}
		else {
			this.simulation.rateLimiter().setDefaultLimit(limit);
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("api_key", request.apiKey());
		json.put("requests", limit.requests());
		json.put("window_seconds", limit.windowSeconds());
		return json;
	}

	@GetMapping("/clock")
	public Map<String, Object> clock() {
		long now = this.simulation.clock().nowMillis();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("sim_time", Instant.ofEpochMilli(now).atZone(History.IST).toOffsetDateTime().toString());
		json.put("sim_epoch_millis", now);
		json.put("speed", this.simulation.clock().speed());
		return json;
	}

	@PutMapping("/clock")
	public Map<String, Object> setClock(@RequestBody(required = false) AdminRequests.ClockSpeed body) {
		long speed = AdminRequests.require((body != null) ? body.speed() : null, "speed is required");
		this.simulation.clock().setSpeed(speed);
		return clock();
	}

	@PostMapping("/clock/advance")
	public Map<String, Object> advance(@RequestBody(required = false) AdminRequests.Advance body) {
		long seconds = AdminRequests.require((body != null) ? body.seconds() : null, "seconds is required");
		if (seconds < 0 || seconds > 400L * 86_400) {
			throw new IllegalArgumentException("seconds must be between 0 and " + 400L * 86_400);
		}
		this.simulation.clock().advance(seconds);
		return clock();
	}

	@GetMapping("/devices/{deviceId}")
	public Map<String, Object> device(@PathVariable String deviceId) {
		return cloud().adminMeter(deviceId).internalState(simNow(), realNow());
	}

	@PostMapping("/devices/{deviceId}/online")
	public Map<String, Object> online(@PathVariable String deviceId,
			@RequestBody(required = false) AdminRequests.Online body) {
		boolean online = AdminRequests.require((body != null) ? body.online() : null, "online is required");
		Meter meter = cloud().adminMeter(deviceId);
		meter.setAdminOnline(online, simNow());
		return device(deviceId);
	}

	@PostMapping("/devices/{deviceId}/replace")
	public Map<String, Object> replace(@PathVariable String deviceId) {
		String newId = cloud().adminReplace(deviceId);
		return Map.of("old_device_id", deviceId, "new_device_id", newId);
	}

	@PostMapping("/devices/{deviceId}/energy-reset")
	public Map<String, Object> energyReset(@PathVariable String deviceId) {
		cloud().adminMeter(deviceId).resetRegister(simNow());
		return device(deviceId);
	}

	@PostMapping("/devices/{deviceId}/detach")
	public Map<String, Object> detach(@PathVariable String deviceId) {
		cloud().adminDetach(deviceId);
		return device(deviceId);
	}

	@PostMapping("/devices/{deviceId}/attach")
	public Map<String, Object> attach(@PathVariable String deviceId,
			@RequestBody(required = false) AdminRequests.Attach body) {
		long spaceId = AdminRequests.require((body != null) ? body.spaceId() : null, "space_id is required");
		cloud().adminAttach(deviceId, spaceId);
		return device(deviceId);
	}

	@PostMapping("/devices/{deviceId}/external-recharge")
	public Map<String, Object> externalRecharge(@PathVariable String deviceId,
			@RequestBody(required = false) AdminRequests.Recharge body) {
		long amount = AdminRequests.require((body != null) ? body.amountPaise() : null, "amount_paise is required");
		if (amount <= 0 || amount > 100_000_000L) {
			throw new IllegalArgumentException("amount_paise must be between 1 and 100000000");
		}
		cloud().adminMeter(deviceId).externalRecharge(amount, simNow());
		return device(deviceId);
	}

	@PostMapping("/devices/{deviceId}/dg-run")
	public Map<String, Object> deviceDgRun(@PathVariable String deviceId,
			@RequestBody(required = false) AdminRequests.DgRun body) {
		boolean running = AdminRequests.require((body != null) ? body.running() : null, "running is required");
		cloud().adminMeter(deviceId).setDgRunning(running, simNow());
		return device(deviceId);
	}

	@PostMapping("/spaces/{spaceId}/dg-run")
	public Map<String, Object> spaceDgRun(@PathVariable long spaceId,
			@RequestBody(required = false) AdminRequests.DgRun body) {
		boolean running = AdminRequests.require((body != null) ? body.running() : null, "running is required");
		List<String> devices = cloud().adminDgRunSpace(spaceId, running);
		return Map.of("space_id", spaceId, "running", running, "device_ids", devices);
	}

	@GetMapping("/devices/{deviceId}/truth")
	public Map<String, Object> deviceTruth(@PathVariable String deviceId) {
		return AdminViews.truth(cloud().truthOfDevice(deviceId));
	}

	@GetMapping("/truth")
	public Map<String, Object> identityTruth(@RequestParam(required = false) String identity) {
		String udf1 = AdminRequests.require(identity, "query parameter identity (a udf1 value) is required");
		List<Meter.TruthSnapshot> truths = cloud().truthByIdentity(udf1);
		if (truths.isEmpty()) {
			throw new NoSuchElementException("no device ever carried udf1 " + udf1);
		}
		return AdminViews.identity(udf1, truths);
	}

	@GetMapping("/faults")
	public Faults.Settings faults() {
		return this.simulation.faults().settings();
	}

	@PutMapping("/faults")
	public Faults.Settings setFaults(@RequestBody(required = false) AdminRequests.Faults body) {
		AdminRequests.Faults f = AdminRequests.require(body, "a body is required");
		Faults.Settings settings = new Faults.Settings(orZero(f.latencyMs()), orZero(f.errorRatio()),
				orZero(f.timeoutRatio()), orZero(f.timeoutMs()), orZero(f.offlineFlapRatio()),
				(f.offlineFlapMs() != null) ? f.offlineFlapMs() : Faults.Settings.NONE.offlineFlapMs());
		this.simulation.faults().update(settings);
		return settings;
	}

	@PutMapping("/slashes")
	public Map<String, Object> slashes(@RequestBody(required = false) AdminRequests.Slashes body) {
		boolean lenient = AdminRequests.require((body != null) ? body.lenient() : null, "lenient is required");
		this.simulation.setLenientSlashes(lenient);
		return Map.of("lenient", lenient);
	}

	@PostMapping("/reset")
	public Map<String, Object> reset() {
		this.simulation.reset();
		Map<String, Object> json = new LinkedHashMap<>(clock());
		json.put("devices", cloud().meterCount());
		return json;
	}

	@ExceptionHandler({ IllegalArgumentException.class, ArithmeticException.class })
	ResponseEntity<Map<String, Object>> badRequest(RuntimeException ex) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(Map.of("error", "bad_request", "message", String.valueOf(ex.getMessage())));
	}

	@ExceptionHandler(NoSuchElementException.class)
	ResponseEntity<Map<String, Object>> notFound(NoSuchElementException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Map.of("error", "not_found", "message", String.valueOf(ex.getMessage())));
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0;
	}

	private static double orZero(Double value) {
		return (value != null) ? value : 0;
	}

	private QubeCloud cloud() {
		return this.simulation.cloud();
	}

	private long simNow() {
		return this.simulation.clock().nowMillis();
	}

	private long realNow() {
		return this.simulation.clock().realClock().millis();
	}

}
