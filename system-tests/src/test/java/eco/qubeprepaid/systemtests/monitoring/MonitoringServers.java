package eco.qubeprepaid.systemtests.monitoring;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus and a real Alertmanager (Debian's {@code prometheus} and
 * {@code prometheus-alertmanager}, as {@code .ci/run} installs them) run as processes on
 * 127.0.0.1, with configurations written by the test into a folder of its own; stopped
 * when closed. Their output goes to log files beside the configurations.
 */
final class MonitoringServers implements AutoCloseable {

	private final List<Process> processes = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * Finds an executable on the PATH.
	 * @param names the names to try, in order
	 * @return its path
	 * @throws IllegalStateException naming the package to install if none is found
	 */
	static Path executable(String... names) {
		for (String name : names) {
			for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
				Path candidate = Path.of(dir, name);
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		throw new IllegalStateException("None of " + List.of(names) + " is on the PATH: install Debian's prometheus"
				+ " and prometheus-alertmanager (apt-get install -y --no-install-recommends prometheus"
				+ " prometheus-alertmanager), as .ci/run does");
	}

	/**
	 * Runs a command to its end.
	 * @param dir the working folder
	 * @param command the command
	 * @return its output (stdout and stderr)
	 * @throws IllegalStateException if it exits with an error
	 */
	static String run(Path dir, String... command) {
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts a server and waits until it answers {@code /-/ready}.
	 * @param name for its log file
	 * @param dir where it runs and logs
	 * @param port its HTTP port on 127.0.0.1
	 * @param command the command
	 */
	void start(String name, Path dir, int port, List<String> command) {
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve(name + ".log").toFile())
				.start();
			this.processes.add(process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		await(name + " ready on 127.0.0.1:" + port).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> get("http://127.0.0.1:" + port + "/-/ready").map((r) -> r.statusCode() == 200).orElse(false));
	}

	Optional<HttpResponse<String>> get(String url) {
		try {
			return Optional
				.of(this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
						HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	@Override
	public void close() {
		for (Process process : this.processes) {
			process.destroy();
		}
		for (Process process : this.processes) {
			try {
				if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

}
