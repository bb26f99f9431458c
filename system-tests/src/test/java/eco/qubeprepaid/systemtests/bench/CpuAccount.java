package eco.qubeprepaid.systemtests.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where the machine's CPU time goes during the timed part of a benchmark: this JVM's
 * threads, grouped by what they do, and the PostgreSQL server's processes (read from
 * {@code /proc}, including the time of backends that have exited, which their parent
 * collects). On two cores the benchmark's producer, the broker, the service and the
 * database share the same CPUs, so a throughput figure means little without this.
 */
final class CpuAccount {

	private static final long CLOCK_TICKS_PER_SECOND = 100;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final Function<String, String> groupOf;

	private final Map<Long, Long> threadStart = new TreeMap<>();

	private final long postgresStartNanos;

	private final long wallStart = System.nanoTime();

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final long processStart = this.os.getProcessCpuTime();

	private final long gcMillisStart = gcMillis();

	private final long jitMillisStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();

	private final int postgresPort;

	CpuAccount(Function<String, String> groupOf, int postgresPort) {
		this.groupOf = groupOf;
		this.postgresPort = postgresPort;
		for (long id : this.threads.getAllThreadIds()) {
			this.threadStart.put(id, Math.max(0, this.threads.getThreadCpuTime(id)));
		}
		this.postgresStartNanos = postgresCpuNanos();
	}

	/**
	 * Prints the CPU seconds spent since construction, by group, with the wall time.
	 * @param units what the work was counted in (for a per-unit figure)
	 * @param count how many units were done
	 */
	void print(String units, long count) {
		double wall = (System.nanoTime() - this.wallStart) / 1e9;
		Map<String, Long> byGroup = new TreeMap<>();
		for (long id : this.threads.getAllThreadIds()) {
			var info = this.threads.getThreadInfo(id);
			long cpu = this.threads.getThreadCpuTime(id);
			if (info != null && cpu > 0) {
				long spent = cpu - this.threadStart.getOrDefault(id, 0L);
				byGroup.merge(this.groupOf.apply(info.getThreadName()), spent, Long::sum);
			}
		}
		long threadsTotal = byGroup.values().stream().mapToLong(Long::longValue).sum();
		long process = this.os.getProcessCpuTime() - this.processStart;
		if (process > threadsTotal) {
			byGroup.put("JVM threads not listed (GC, exited threads)", process - threadsTotal);
		}
		long postgres = postgresCpuNanos() - this.postgresStartNanos;
		if (postgres > 0) {
			byGroup.put("PostgreSQL server (all processes)", postgres);
		}
		long total = byGroup.values().stream().mapToLong(Long::longValue).sum();
		System.out.printf(Locale.ROOT,
				"CPU during the timed part: %.2f s wall x %d cores = %.2f core-s available, %.2f core-s used"
						+ " (%.0f us per %s)%n",
				wall, Runtime.getRuntime().availableProcessors(), wall * Runtime.getRuntime().availableProcessors(),
				total / 1e9, total / 1e3 / count, units);
		System.out.printf(Locale.ROOT,
				"  (of this JVM's time: %.2f s in GC pauses and collections, %.2f s compiling)%n",
				(gcMillis() - this.gcMillisStart) / 1e3,
				(ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - this.jitMillisStart) / 1e3);
		byGroup.entrySet()
			.stream()
			.filter((e) -> e.getValue() >= total / 1000)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((e) -> System.out.printf(Locale.ROOT, "  %6.2f core-s  %5.1f %%  %s%n", e.getValue() / 1e9,
					100.0 * e.getValue() / total, e.getKey()));
	}

	/**
	 * One line for a round: wall time, and the CPU of PostgreSQL and of this JVM (with
	 * its compiling and GC time) since construction, so that rounds can be told apart.
	 * @return the line
	 */
	String summary() {
		double wall = (System.nanoTime() - this.wallStart) / 1e9;
		double postgres = (postgresCpuNanos() - this.postgresStartNanos) / 1e9;
		double jvm = (this.os.getProcessCpuTime() - this.processStart) / 1e9;
		return String.format(Locale.ROOT,
				"%.2f s wall; %.2f of %.2f core-s used: PostgreSQL %.2f, this JVM %.2f (compiling %.2f s, GC %.2f s)",
				wall, postgres + jvm, wall * Runtime.getRuntime().availableProcessors(), postgres, jvm,
				(ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - this.jitMillisStart) / 1e3,
				(gcMillis() - this.gcMillisStart) / 1e3);
	}

	private static long gcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong((gc) -> Math.max(0, gc.getCollectionTime()))
			.sum();
	}

	/**
	 * The CPU time of the PostgreSQL server listening on this benchmark's port: its
	 * postmaster (found by the port on its command line) and the postmaster's children. A
	 * backend that ended between the two readings is counted in the postmaster's
	 * children's time.
	 */
	private long postgresCpuNanos() {
		Map<Long, String[]> stats = new TreeMap<>();
		Long postmaster = null;
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.toList()) {
				String[] fields = postgresStat(process);
				if (fields != null) {
					long pid = Long.parseLong(process.getFileName().toString());
					stats.put(pid, fields);
					if (postmaster == null && listensOnPort(process)) {
						postmaster = pid;
					}
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		long ticks = 0;
		for (Map.Entry<Long, String[]> entry : stats.entrySet()) {
			String[] fields = entry.getValue();
			// Fields after the name (see proc(5)): ppid is field 4, utime, stime, cutime
			// and cstime are fields 14 to 17.
			if (entry.getKey().equals(postmaster) || Long.valueOf(fields[1]).equals(postmaster)) {
				ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
						+ Long.parseLong(fields[14]);
			}
		}
		return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
	}

	/** The stat fields after the name of a process named postgres, else null. */
	private static String[] postgresStat(Path process) {
		if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
			return null;
		}
		try {
			String stat = Files.readString(process.resolve("stat"));
			int close = stat.lastIndexOf(')');
			String name = stat.substring(stat.indexOf('(') + 1, close);
			return name.equals("postgres") ? stat.substring(close + 2).split(" ") : null;
		}
		catch (IOException | RuntimeException ex) {
			// The process ended between listing and reading.
			return null;
		}
	}

	private boolean listensOnPort(Path process) {
		try {
			String port = Integer.toString(this.postgresPort);
			for (String arg : Files.readString(process.resolve("cmdline")).split("\u0000")) {
				if (arg.equals(port) || arg.endsWith("=" + port) || arg.equals("-p" + port)) {
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
