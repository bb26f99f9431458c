package eco.qubeprepaid.sandbox.qube.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds a seeded, reproducible fleet: N meters spread over M spaces, the spaces dealt
 * round robin to a list of API keys. Identities in udf1 look like
 * {@code Tower-A.Floor-03.Flat-304}. Mostly PREPAID meters with relays; some POSTPAID; a
 * few MEASUREMENT common-area meters without relays. The same seed on the same starting
 * state yields the same fleet.
 */
public final class FleetGenerator {

	private static final int FLATS_PER_FLOOR = 8;

	private FleetGenerator() {
	}

	/** Creates the fleet in the cloud and returns what was created, in creation order. */
	public static List<Created> generate(QubeCloud cloud, long seed, int meterCount, int spaceCount,
			List<String> apiKeys) {
		return generate(cloud, seed, meterCount, spaceCount, apiKeys, Overrides.NONE);
	}

	/**
	 * Creates the fleet with some generated values replaced, and returns what was
	 * created, in creation order. The seeded choices are the same as without overrides.
	 */
	public static List<Created> generate(QubeCloud cloud, long seed, int meterCount, int spaceCount,
			List<String> apiKeys, Overrides overrides) {
		if (meterCount < 0 || spaceCount < 1 || apiKeys.isEmpty()) {
			throw new IllegalArgumentException("need meters >= 0, spaces >= 1 and at least one api key");
		}
		SplittableRandom random = new SplittableRandom(seed);
		List<Long> spaceIds = new ArrayList<>();
		List<String> towers = new ArrayList<>();
		long[][] tariffs = new long[spaceCount][];
		for (int s = 0; s < spaceCount; s++) {
			String key = apiKeys.get(s % apiKeys.size());
			cloud.addAccount(key);
			long spaceId = cloud.addSpace(null, key, "", null, List.of(), List.of());
			String tower = "Tower-" + towerLetters(spaceId - 1001);
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("name", tower.replace('-', ' '));
			fields.put("description", "Generated tower (seed " + seed + ")");
			fields.put("udf1", tower);
			cloud.adminUpdateSpace(spaceId, fields);
			spaceIds.add(spaceId);
			towers.add(tower);
			tariffs[s] = new long[] { 500 + 10L * random.nextInt(41), 1200 + 10L * random.nextInt(101) };
		}
		List<Created> created = new ArrayList<>();
		int[] perSpace = new int[spaceCount];
		for (int i = 0; i < meterCount; i++) {
			int s = i % spaceCount;
			int n = perSpace[s]++;
			String key = apiKeys.get(s % apiKeys.size());
			double kind = random.nextDouble();
			String deviceId = cloud.newDeviceId(random);
			Meter.Spec spec;
			if (kind < 0.06) {
				String identity = towers.get(s) + ".Common-" + String.format("%02d", n + 1);
				spec = new Meter.Spec(deviceId, key, spaceIds.get(s), "Common area " + (n + 1), "Lifts, pumps, lights",
						List.of(identity, "common"), false, Mode.MEASUREMENT, 0, tariffs[s][0], tariffs[s][1], false,
						LoadProfile.COMMON_AREA, 60 + random.nextInt(81), random.nextLong(),
						random.nextLong(50_000_000_000L), null, null);
			}
			else {
				int floor = n / FLATS_PER_FLOOR + 1;
				int flat = floor * 100 + n % FLATS_PER_FLOOR + 1;
				String identity = towers.get(s) + ".Floor-" + String.format("%02d", floor) + ".Flat-" + flat;
				double p = random.nextDouble();
				LoadProfile profile = (p < 0.7) ? LoadProfile.RESIDENTIAL
						: (p < 0.88) ? LoadProfile.SHOP : LoadProfile.OFFICE;
				Mode generatedMode = (kind < 0.14) ? Mode.POSTPAID : Mode.PREPAID;
				long generatedBalance = 2_000 + 100L * random.nextInt(2_000);
				Mode mode = (overrides.mode() != null) ? overrides.mode() : generatedMode;
				long balance = (overrides.balancePaise() != null) ? overrides.balancePaise() : generatedBalance;
				spec = new Meter.Spec(deviceId, key, spaceIds.get(s), "Flat " + flat, null,
						List.of(identity, "Tenant." + flat), true, mode, balance, tariffs[s][0], tariffs[s][1],
						random.nextBoolean(), profile, 50 + random.nextInt(101), random.nextLong(),
						random.nextLong(20_000_000_000L), null, null);
			}
			cloud.addMeter(spec);
			created.add(new Created(deviceId, spaceIds.get(s), spec.udfs().get(0), key));
		}
		return created;
	}

	/** A, B, ..., Z, AA, AB, ... for 0, 1, ... */
	static String towerLetters(long index) {
		StringBuilder letters = new StringBuilder();
		long n = index;
		do {
			letters.insert(0, (char) ('A' + n % 26));
			n = n / 26 - 1;
		}
		while (n >= 0);
		return letters.toString();
	}

	/**
	 * Values that replace the generated ones for every flat's meter.
	 *
	 * @param mode the mode, or {@code null} for the generated one
	 * @param balancePaise the balance, or {@code null} for the generated one
	 */
	public record Overrides(Mode mode, Long balancePaise) {

		/** Nothing replaced. */
		public static final Overrides NONE = new Overrides(null, null);

	}

	/**
	 * One created meter.
	 *
	 * @param deviceId its device ID
	 * @param spaceId its space
	 * @param udf1 its stable identity
	 * @param apiKey the key that owns it
	 */
	public record Created(String deviceId, long spaceId, String udf1, String apiKey) {
	}

}
