package eco.qubeprepaid.sandbox.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A load benchmark of a running sandbox (not a test): lifts the rate limit of the bench
 * key, lists every device with one E1 call, then drives concurrent E4/E5 reads over
 * loopback for a bounded time and count, and prints p50/p99 latency, throughput and the
 * sandbox's heap. Started by {@code tools/bench-sandbox.sh}, which also starts the
 * sandbox.
 * <p>
 * Arguments: {@code baseUrl apiKey threads seconds maxRequests}.
 */
public final class SandboxBenchmark {

	private static final JsonMapper JSON = new JsonMapper();

	private SandboxBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String base = (args.length > 0) ? args[0] : "http://127.0.0.1:18090";
		String key = (args.length > 1) ? args[1] : "bench-key";
		int threads = (args.length > 2) ? Integer.parseInt(args[2]) : 8;
		int seconds = (args.length > 3) ? Integer.parseInt(args[3]) : 20;
		long maxRequests = (args.length > 4) ? Long.parseLong(args[4]) : 2_000_000;
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		send(client, "PUT", base + "/admin/qube/rate-limit",
				"{\"requests\":1000000000,\"window_seconds\":1,\"api_key\":\"" + key + "\"}", null);
		long listStart = System.nanoTime();
		HttpResponse<String> spaces = send(client, "GET", base + "/api/v2/spaces/", null, key);
		long listMillis = (System.nanoTime() - listStart) / 1_000_000;
		List<String> devices = new ArrayList<>();
		for (JsonNode space : JSON.readTree(spaces.body()).get("data")) {
			space.get("devices").forEach((d) -> devices.add(d.get("device_id").asString()));
		}
		System.out.printf(Locale.ROOT, "E1 list: %d devices in one response, %d ms, %d KiB%n", devices.size(),
				listMillis, spaces.body().length() / 1024);
		runPhase(client, base, key, devices, threads, Math.max(2, seconds / 5), maxRequests, false);
		runPhase(client, base, key, devices, threads, seconds, maxRequests, true);
		HttpResponse<String> prometheus = send(client, "GET", base + "/actuator/prometheus", null, null);
		System.out.printf(Locale.ROOT, "sandbox heap used (no forced GC): %.1f MiB%n",
				heapBytes(prometheus.body()) / 1048576.0);
	}

	private static void runPhase(HttpClient client, String base, String key, List<String> devices, int threads,
			int seconds, long maxRequests, boolean report) throws Exception {
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		AtomicLong budget = new AtomicLong(maxRequests);
		AtomicLong errors = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<long[]>> results = new ArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			results.add(pool.submit(() -> {
				long[] latencies = new long[1 << 16];
				int n = 0;
				ThreadLocalRandom random = ThreadLocalRandom.current();
				while (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
					String device = devices.get(random.nextInt(devices.size()));
					String path = random.nextBoolean() ? "/api/v2/devices/" + device + "/"
							: "/api/v2/devices/" + device + "/metrics";
					long begin = System.nanoTime();
					HttpResponse<String> response = send(client, "GET", base + path, null, key);
					long took = System.nanoTime() - begin;
					if (response.statusCode() != 200) {
						errors.incrementAndGet();
					}
					if (n == latencies.length) {
						latencies = Arrays.copyOf(latencies, n * 2);
					}
					latencies[n++] = took;
				}
				return Arrays.copyOf(latencies, n);
			}));
		}
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> result : results) {
			all.add(result.get());
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		if (!report) {
			return;
		}
		long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		System.out.printf(Locale.ROOT,
				"E4/E5 reads: %d requests, %d threads, %.1f s, %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, "
						+ "non-200 %d%n",
				merged.length, threads, elapsed, merged.length / elapsed, percentile(merged, 0.50),
				percentile(merged, 0.99), merged[merged.length - 1] / 1e6, errors.get());
	}

	private static double percentile(long[] sorted, double p) {
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	/**
	 * Sums {@code jvm_memory_used_bytes{area="heap",...}} from the Prometheus text
	 * format.
	 */
	private static double heapBytes(String prometheus) {
		return prometheus.lines()
			.filter((line) -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private static HttpResponse<String> send(HttpClient client, String method, String url, String body, String key)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (key != null) {
			request.header("X-Qube-API-Key", key);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
