package eco.qubeprepaid.sandbox.qube.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulated Qube cloud: API keys, their spaces and meters, and the rules of the
 * public API (which key sees what, which errors come in which order). Operations by key
 * are what the REST layer calls; the {@code admin*} operations are the hooks the admin
 * API exposes.
 */
public final class QubeCloud {

	private final SimClock clock;

	private final int maxHistorySamples;

	private final long replacementSeed;

	private final Map<String, Set<Long>> accounts = new ConcurrentHashMap<>();

	private final Map<Long, Space> spaces = new ConcurrentHashMap<>();

	private final Map<String, Meter> meters = new ConcurrentHashMap<>();

	private final List<Meter> retired = new CopyOnWriteArrayList<>();

	private final List<Meter> tickOrder = new CopyOnWriteArrayList<>();

	private SplittableRandom replacementRandom;

	private long nextSpaceId;

	private int tickCursor;

	public QubeCloud(SimClock clock, int maxHistorySamples, long replacementSeed) {
		this.clock = clock;
		this.maxHistorySamples = maxHistorySamples;
		this.replacementSeed = replacementSeed;
		clear();
	}

	public SimClock clock() {
		return this.clock;
	}

	/** Forgets every key, space and meter. */
	public synchronized void clear() {
		this.accounts.clear();
		this.spaces.clear();
		this.meters.clear();
		this.retired.clear();
		this.tickOrder.clear();
		this.replacementRandom = new SplittableRandom(this.replacementSeed);
		this.nextSpaceId = 1001;
		this.tickCursor = 0;
	}

	// ---- public API (E1-E6, P1-P6) ----

	/** Whether the key is a known API key. */
	public boolean isKnownKey(String key) {
		return key != null && this.accounts.containsKey(key);
	}

	/**
	 * Checks that the key may use the device, so a request for an unknown device answers
	 * device_not_found even when its body is also wrong.
	 */
	public void checkDevice(String key, String deviceId) {
		accessible(key, deviceId);
	}

	/** E1. */
	public List<SpaceView> listSpaces(String key) {
		List<SpaceView> result = new ArrayList<>();
		for (Long spaceId : spaceIdsOf(key)) {
			Space space = this.spaces.get(spaceId);
			if (space != null) {
				result.add(spaceView(space));
			}
		}
		return result;
	}

	/** E2: an unknown, malformed or foreign space ID is not_your_space (G13). */
	public SpaceView space(String key, String spaceIdText) {
		return spaceView(ownedSpace(key, spaceIdText));
	}

	/** E3: partial update of name, description, udf1-udf5 and tags. */
	public SpaceView updateSpace(String key, String spaceIdText, Map<String, String> fields, List<String> tags) {
		Space space = ownedSpace(key, spaceIdText);
		space.update(fields, tags);
		return spaceView(space);
	}

	/** E4: works offline, showing the last sync (G16). */
	public MeterView device(String key, String deviceId) {
		return view(accessible(key, deviceId));
	}

	/** E5: needs the device online (G16). */
	public MeterView metrics(String key, String deviceId) {
		Meter meter = accessible(key, deviceId);
		MeterView view = view(meter);
		if (!view.online()) {
			throw new QubeException(SimChoices.Error.DEVICE_OFFLINE);
		}
		return view;
	}

	/** E6: works offline. */
	public List<History.Point> history(String key, String deviceId, History.Request request) {
		return History.query(accessible(key, deviceId), request, this.clock.nowMillis());
	}

	/** P1: metadata lives in the cloud, so the device may be offline (G8). */
	public MeterView updateDevice(String key, String deviceId, Map<String, String> fields) {
		Meter meter = accessible(key, deviceId);
		meter.updateMetadata(fields);
		return view(meter);
	}

	/** P2. */
	public void setRelay(String key, String deviceId, boolean on) {
		accessible(key, deviceId).setRelay(on, this.clock.nowMillis(), realNow());
	}

	/** P3. */
	public void setMode(String key, String deviceId, Mode mode) {
		accessible(key, deviceId).setMode(mode, this.clock.nowMillis(), realNow());
	}

	/** P4: an absolute set (G3). */
	public void setBalance(String key, String deviceId, long balance) {
		accessible(key, deviceId).setBalance(balance, this.clock.nowMillis(), realNow());
	}

	/** P5. */
	public void setTariffs(String key, String deviceId, Long eb, Long dg) {
		accessible(key, deviceId).setTariffs(eb, dg, this.clock.nowMillis(), realNow());
	}

	/** P6. */
	public void setWifi(String key, String deviceId, String ssid, long offlineMillis) {
		accessible(key, deviceId).setWifi(ssid, this.clock.nowMillis(), realNow(), offlineMillis);
	}

	// ---- building the fleet ----

	/** Registers an API key (no-op when it exists). */
	public void addAccount(String key) {
		if (key == null || key.isBlank()) {
			throw new IllegalArgumentException("api key must not be blank");
		}
		this.accounts.computeIfAbsent(key, (k) -> new LinkedHashSet<>());
	}

	/**
	 * Creates a space with the given ID, or the next free one when {@code spaceId} is
	 * null.
	 */
	public synchronized long addSpace(Long spaceId, String key, String name, String description, List<String> udfs,
			List<String> tags) {
		addAccount(key);
		long id = (spaceId != null) ? spaceId : nextFreeSpaceId();
		if (this.spaces.containsKey(id)) {
			throw new IllegalArgumentException("space " + id + " exists");
		}
		this.spaces.put(id, new Space(id, key, name, description, udfs, tags));
		Set<Long> owned = this.accounts.get(key);
		synchronized (owned) {
			owned.add(id);
		}
		return id;
	}

	/** Updates a space's metadata, whatever key owns it. */
	public void adminUpdateSpace(long spaceId, Map<String, String> fields) {
		Space space = this.spaces.get(spaceId);
		if (space == null) {
			throw new NoSuchElementException("no space " + spaceId);
		}
		space.update(fields, null);
	}

	/** Adds a meter; its space (if any) must belong to the meter's key. */
	public synchronized Meter addMeter(Meter.Spec spec) {
		if (this.meters.containsKey(spec.deviceId())) {
			throw new IllegalArgumentException("device " + spec.deviceId() + " exists");
		}
		addAccount(spec.accountKey());
		Meter meter = new Meter(spec, this.clock.nowMillis(), this.maxHistorySamples);
		this.meters.put(meter.deviceId(), meter);
		if (spec.spaceId() != null) {
			this.spaces.get(spec.spaceId()).addDevice(meter.deviceId());
		}
		this.tickOrder.add(meter);
		return meter;
	}

	/** Whether a device ID is taken by a current or retired meter. */
	public boolean deviceIdTaken(String deviceId) {
		return this.meters.containsKey(deviceId)
				|| this.retired.stream().anyMatch((m) -> m.deviceId().equals(deviceId));
	}

	/** A fresh device ID drawn from the given random source (G30). */
	public String newDeviceId(SplittableRandom random) {
		while (true) {
			String hex = Long.toHexString(random.nextLong() & 0xFFFF_FFFF_FFFFL).toUpperCase(Locale.ROOT);
			String id = SimChoices.DEVICE_ID_PREFIX + "0".repeat(SimChoices.DEVICE_ID_HEX_DIGITS - hex.length()) + hex;
			if (!deviceIdTaken(id)) {
				return id;
			}
		}
	}

	// ---- admin hooks ----

	/** Every API key with its spaces and device count, in a stable order. */
	public Map<String, List<Long>> accounts() {
		Map<String, List<Long>> result = new LinkedHashMap<>();
		this.accounts.keySet().stream().sorted().forEach((key) -> result.put(key, spaceIdsOf(key)));
		return result;
	}

	/** The number of current meters the key owns. */
	public long deviceCount(String key) {
		return this.meters.values().stream().filter((m) -> m.accountKey().equals(key)).count();
	}

	public int meterCount() {
		return this.meters.size();
	}

	/** A current meter by ID, for the admin API. */
	public Meter adminMeter(String deviceId) {
		Meter meter = this.meters.get(deviceId);
		if (meter == null) {
			throw new NoSuchElementException("no current device " + deviceId);
		}
		return meter;
	}

	/** G22: a new device ID in the same space; the old ID disappears. */
	public synchronized String adminReplace(String oldDeviceId) {
		Meter old = adminMeter(oldDeviceId);
		long now = this.clock.nowMillis();
		String newId = newDeviceId(this.replacementRandom);
		Meter.Spec spec = old.replacementSpec(newId, now, this.replacementRandom.nextLong());
		Meter fresh = new Meter(spec, now, this.maxHistorySamples);
		fresh.setDgRunning(old.dgRunning(), now);
		old.retire(now);
		old.recordEvent(now, "replaced_by", Map.of("new_device_id", newId));
		fresh.recordEvent(now, "replaces", Map.of("old_device_id", oldDeviceId));
		this.meters.remove(oldDeviceId);
		this.tickOrder.remove(old);
		this.retired.add(old);
		this.meters.put(newId, fresh);
		this.tickOrder.add(fresh);
		if (spec.spaceId() != null) {
			this.spaces.get(spec.spaceId()).replaceDevice(oldDeviceId, newId);
		}
		return newId;
	}

	/** Takes a device out of its space. */
	public synchronized void adminDetach(String deviceId) {
		Meter meter = adminMeter(deviceId);
		Long spaceId = meter.spaceId();
		if (spaceId != null) {
			this.spaces.get(spaceId).removeDevice(deviceId);
			meter.setSpace(null, this.clock.nowMillis());
		}
	}

	/** Puts a detached device into a space of its own key. */
	public synchronized void adminAttach(String deviceId, long spaceId) {
		Meter meter = adminMeter(deviceId);
		Space space = this.spaces.get(spaceId);
		if (space == null || !space.accountKey().equals(meter.accountKey())) {
			throw new IllegalArgumentException("space " + spaceId + " does not belong to the device's key");
		}
		adminDetach(deviceId);
		space.addDevice(deviceId);
		meter.setSpace(spaceId, this.clock.nowMillis());
	}

	/**
	 * Starts or stops a DG run on every device of a space; returns the devices affected.
	 */
	public List<String> adminDgRunSpace(long spaceId, boolean running) {
		Space space = this.spaces.get(spaceId);
		if (space == null) {
			throw new NoSuchElementException("no space " + spaceId);
		}
		List<String> ids = space.deviceIds();
		ids.forEach((id) -> adminMeter(id).setDgRunning(running, this.clock.nowMillis()));
		return ids;
	}

	/** Ground truth of every current and retired meter whose udf1 is the identity. */
	public List<Meter.TruthSnapshot> truthByIdentity(String identity) {
		long now = this.clock.nowMillis();
		List<Meter.TruthSnapshot> result = new ArrayList<>();
		for (Meter meter : this.retired) {
			if (identity.equals(meter.udf1())) {
				result.add(meter.truth(now));
			}
		}
		for (Meter meter : this.tickOrder) {
			if (identity.equals(meter.udf1())) {
				result.add(meter.truth(now));
			}
		}
		return result;
	}

	/** Ground truth of one current or retired meter. */
	public Meter.TruthSnapshot truthOfDevice(String deviceId) {
		Meter meter = this.meters.get(deviceId);
		if (meter == null) {
			meter = this.retired.stream()
				.filter((m) -> m.deviceId().equals(deviceId))
				.findFirst()
				.orElseThrow(() -> new NoSuchElementException("no device " + deviceId));
		}
		return meter.truth(this.clock.nowMillis());
	}

	/**
	 * One ticker step: brings at most {@code maxMeters} meters up to the present, round
	 * robin, so history samples are written even for meters nobody reads.
	 */
	public int tick(int maxMeters) {
		List<Meter> order = this.tickOrder;
		int n = order.size();
		if (n == 0) {
			return 0;
		}
		long now = this.clock.nowMillis();
		int count = Math.min(maxMeters, n);
		int start;
		synchronized (this) {
			start = this.tickCursor % n;
			this.tickCursor = (start + count) % n;
		}
		for (int i = 0; i < count; i++) {
			order.get((start + i) % n).advanceTo(now);
		}
		return count;
	}

	/**
	 * Keeps about {@code ratio} of the meters offline through flaps of the given length.
	 */
	public void applyOfflineFlaps(Faults faults) {
		Faults.Settings settings = faults.settings();
		if (settings.offlineFlapRatio() <= 0) {
			return;
		}
		List<Meter> order = List.copyOf(this.tickOrder);
		long realNow = realNow();
		long target = Math.round(settings.offlineFlapRatio() * order.size());
		long offline = order.stream().filter((m) -> !m.isOnline(realNow)).count();
		for (int attempt = 0; offline < target && attempt < order.size() * 2; attempt++) {
			Meter meter = order.get(faults.nextIndex(order.size()));
			if (meter.isOnline(realNow)) {
				meter.goOfflineUntil(realNow + settings.offlineFlapMs(), this.clock.nowMillis());
				offline++;
			}
		}
	}

	// ---- helpers ----

	private List<Long> spaceIdsOf(String key) {
		Set<Long> owned = this.accounts.get(key);
		if (owned == null) {
			return List.of();
		}
		synchronized (owned) {
			return List.copyOf(owned);
		}
	}

	private long nextFreeSpaceId() {
		while (this.spaces.containsKey(this.nextSpaceId)) {
			this.nextSpaceId++;
		}
		return this.nextSpaceId++;
	}

	private Space ownedSpace(String key, String spaceIdText) {
		Space space = null;
		if (spaceIdText != null && spaceIdText.matches("\\d{1,18}")) {
			space = this.spaces.get(Long.parseLong(spaceIdText));
		}
		if (space == null || !space.accountKey().equals(key)) {
			throw new QubeException(SimChoices.Error.NOT_YOUR_SPACE);
		}
		return space;
	}

	private SpaceView spaceView(Space space) {
		List<MeterView> devices = new ArrayList<>();
		for (String id : space.deviceIds()) {
			Meter meter = this.meters.get(id);
			if (meter != null) {
				devices.add(view(meter));
			}
		}
		return space.view(devices);
	}

	/**
	 * device_not_found for unknown or foreign IDs, then device_not_in_space (REFERENCE
	 * 5.2).
	 */
	private Meter accessible(String key, String deviceId) {
		Meter meter = (deviceId == null) ? null : this.meters.get(deviceId);
		if (meter == null || !meter.accountKey().equals(key)) {
			throw new QubeException(SimChoices.Error.DEVICE_NOT_FOUND);
		}
		if (meter.spaceId() == null) {
			throw new QubeException(SimChoices.Error.DEVICE_NOT_IN_SPACE);
		}
		return meter;
	}

	private MeterView view(Meter meter) {
		return meter.view(this.clock.nowMillis(), realNow());
	}

	private long realNow() {
		return this.clock.realClock().millis();
	}

}
