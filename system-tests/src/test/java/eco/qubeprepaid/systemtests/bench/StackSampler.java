package eco.qubeprepaid.systemtests.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A poor man's sampling profiler for the throughput benchmark: every few milliseconds it
 * takes the stacks of the threads whose name matches and counts, per sample, the first
 * frame outside the JDK (which library the thread is in) and, when that is the PostgreSQL
 * driver, the balance-service method that issued the statement. Enough to say where the
 * time of a snapshot goes without an external profiler.
 */
final class StackSampler implements AutoCloseable {

	private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

	private final Predicate<String> threadName;

	private final Map<String, Integer> byLayer = new TreeMap<>();

	private final Map<String, Integer> byStatement = new TreeMap<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "stack-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private int samples;

	StackSampler(Predicate<String> threadName, long intervalMillis) {
		this.threadName = threadName;
		this.scheduler.scheduleAtFixedRate(this::sample, 0, intervalMillis, TimeUnit.MILLISECONDS);
	}

	private synchronized void sample() {
		Thread.getAllStackTraces().forEach((t, stack) -> {
			if (t != Thread.currentThread() && this.threadName.test(t.getName()) && stack.length > 0) {
				this.samples++;
				String layer = layer(stack);
				this.byLayer.merge(layer, 1, Integer::sum);
				if (layer.startsWith("PostgreSQL")) {
					this.byStatement.merge(issuer(stack), 1, Integer::sum);
				}
			}
		});
	}

	private static String layer(StackTraceElement[] stack) {
		for (StackTraceElement frame : stack) {
			String type = frame.getClassName();
			if (JDK.stream().anyMatch(type::startsWith)) {
				continue;
			}
			if (type.startsWith("org.postgresql")) {
				return "PostgreSQL driver (statement round trips, commit)";
			}
			if (type.startsWith("com.zaxxer.hikari")) {
				return "connection pool";
			}
			if (type.startsWith("org.jooq")) {
				return "jOOQ (render, bind, map)";
			}
			if (type.startsWith("org.apache.kafka")) {
				return "Kafka client (fetch, commit)";
			}
			if (type.startsWith("tools.jackson") || type.startsWith("com.fasterxml")) {
				return "JSON";
			}
			if (type.startsWith("eco.qubeprepaid")) {
				return "balance-service code";
			}
			if (type.startsWith("ch.qos.logback") || type.startsWith("org.slf4j")
					|| type.startsWith("org.apache.commons.logging")) {
				return "logging";
			}
			if (type.startsWith("io.micrometer")) {
				return "metrics";
			}
			if (type.startsWith("org.springframework")) {
				return "Spring (transactions, listener container)";
			}
			return "other: " + type;
		}
		return "JDK only";
	}

	private static String issuer(StackTraceElement[] stack) {
		for (StackTraceElement frame : stack) {
			if (frame.getClassName().startsWith("eco.qubeprepaid") && !frame.getClassName().contains("$$")) {
				String simple = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
				return simple + "." + frame.getMethodName();
			}
			if (frame.getClassName().startsWith("org.springframework.transaction")) {
				return "transaction begin/commit";
			}
		}
		return "(no balance-service frame)";
	}

	/**
	 * Prints the shares of the samples.
	 */
	synchronized void print() {
		System.out.printf(Locale.ROOT, "profile of the snapshot consumer thread (%d samples):%n", this.samples);
		sorted(this.byLayer).forEach((name, count) -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n",
				100.0 * count / Math.max(1, this.samples), name));
		System.out.println("  PostgreSQL time by issuing method:");
		sorted(this.byStatement).forEach((name, count) -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n",
				100.0 * count / Math.max(1, this.samples), name));
	}

	private static Map<String, Integer> sorted(Map<String, Integer> counts) {
		Map<String, Integer> result = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach((e) -> result.put(e.getKey(), e.getValue()));
		return result;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		try {
			// So that the report reads the counts of a sampler that has stopped.
			this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
