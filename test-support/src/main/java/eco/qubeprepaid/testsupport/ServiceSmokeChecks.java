package eco.qubeprepaid.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every service must pass over real HTTP: healthy and ready with its database and
 * the broker, and scrapable by Prometheus.
 */
public final class ServiceSmokeChecks {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ServiceSmokeChecks() {
	}

	/**
	 * Asserts that the service on {@code port} reports UP, that its readiness group
	 * includes a healthy database and broker, and that liveness does not depend on
	 * either.
	 * @param port the service's HTTP port on 127.0.0.1
	 */
	public static void assertReadyWithDatabaseAndBroker(int port) {
		HttpResponse<String> health = get(port, "/actuator/health");
		assertThat(health.statusCode()).as("/actuator/health status, body: %s", health.body()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"")
			.contains("\"db\":{")
			.contains("\"kafka\":{")
			.contains("PostgreSQL")
			.contains("clusterId");
		HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"db\"").contains("\"kafka\"");
		HttpResponse<String> liveness = get(port, "/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).doesNotContain("\"db\"").doesNotContain("\"kafka\"");
	}

	/**
	 * Asserts that {@code /actuator/prometheus} answers in the Prometheus text format
	 * with JVM metrics tagged by the application's name.
	 * @param port the service's HTTP port on 127.0.0.1
	 * @param application the expected {@code application} tag
	 */
	public static void assertPrometheusScrape(int port, String application) {
		HttpResponse<String> scrape = get(port, "/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).containsAnyOf("text/plain", "application/openmetrics-text"));
		assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge")
			.contains("application=\"" + application + "\"");
	}

	/**
	 * Sends a GET to a service on 127.0.0.1.
	 * @param port the port
	 * @param path the path
	 * @return the response
	 */
	public static HttpResponse<String> get(int port, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError("GET " + path + " on port " + port + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted during GET " + path, ex);
		}
	}

}
