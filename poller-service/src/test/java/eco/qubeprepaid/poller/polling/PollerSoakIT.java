package eco.qubeprepaid.poller.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.poller.runtime.DiscoveryWorkers;
import eco.qubeprepaid.poller.support.EventTap;
import eco.qubeprepaid.poller.support.PollerIntegrationTest;
import eco.qubeprepaid.poller.support.SandboxServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 1,000 meters on two soak keys, each limited to 100 requests per 6 s by the sandbox and
 * budgeted 100 per 6 s by the client; freshness floor 40 s. Runs last: it leaves the
 * poller busy with the soak fleet.
 */
@Order(Integer.MAX_VALUE)
class PollerSoakIT extends PollerIntegrationTest {

	private static final Duration FLOOR = Duration.ofSeconds(40);

	private static final Duration STEADY = Duration.ofSeconds(36);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DiscoveryWorkers discovery;

	@Autowired
	MeterRegistry meters;

	@Test
	void thousandMetersUseTheBudgetWithout429sAndStayWithinTheFloor() {
		long sandbox429Before = SANDBOX.rateLimited();
		double client429Before = soakRateLimited();
		SANDBOX.admin("POST", "/fleet", "{\"seed\":99,\"meters\":1000,\"spaces\":10,\"api_keys\":[\""
				+ SandboxServer.SOAK_KEYS[0] + "\",\"" + SandboxServer.SOAK_KEYS[1] + "\"]}");
		this.discovery.requestRediscovery("soak-1");
		this.discovery.requestRediscovery("soak-2");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject(
					"SELECT count(*) FROM premises WHERE api_key_name IN ('soak-1', 'soak-2')", Integer.class) == 1000);
		Instant discovered = this.clock.instant();

		// Skip the first window, in which the budget hands out its initial burst.
		awaitClock(discovered.plusSeconds(6));
		double requestsAtStart = soakRequests();
		Instant steadyStart = this.clock.instant();
		awaitClock(steadyStart.plus(STEADY));
		double requests = soakRequests() - requestsAtStart;
		Duration measured = Duration.between(steadyStart, this.clock.instant());
		double ideal = 2 * 100.0 * measured.toMillis() / 6000.0;
		double utilisation = requests / ideal;

		Instant end = this.clock.instant();
		Map<String, Instant> previous = new HashMap<>();
		Map<String, Duration> worstGap = new HashMap<>();
		for (EventTap.Keyed<DeviceSnapshotted> k : this.tap.of(DeviceSnapshotted.class,
				(s) -> s.apiKeyName().startsWith("soak-"))) {
			Instant at = k.event().observedAt().toInstant();
			Instant before = previous.getOrDefault(k.key(), discovered);
			worstGap.merge(k.key(), Duration.between(before, at), (a, b) -> (a.compareTo(b) >= 0) ? a : b);
			previous.put(k.key(), at);
		}
		previous.forEach((key, last) -> worstGap.merge(key, Duration.between(last, end),
				(a, b) -> (a.compareTo(b) >= 0) ? a : b));
		Duration worst = worstGap.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
		long sandbox429 = SANDBOX.rateLimited() - sandbox429Before;
		double client429 = soakRateLimited() - client429Before;
		System.out.printf(Locale.ROOT,
				"[soak] meters=%d seen=%d requests=%.0f in %.1f s ideal=%.0f utilisation=%.1f%% 429s sandbox=%d client=%.0f worst-staleness=%d s (floor %d s)%n",
				1000, previous.size(), requests, measured.toMillis() / 1000.0, ideal, utilisation * 100, sandbox429,
				client429, worst.toSeconds(), FLOOR.toSeconds());

		assertThat(sandbox429).isZero();
		assertThat(client429).isZero();
		assertThat(utilisation).isGreaterThanOrEqualTo(0.95);
		assertThat(previous).hasSize(1000);
		assertThat(worst).isLessThanOrEqualTo(FLOOR);
	}

	private double soakRateLimited() {
		return this.meters.find("qube.api.requests")
			.tag("outcome", "rate_limited")
			.counters()
			.stream()
			.filter((c) -> c.getId().getTag("key").startsWith("soak-"))
			.mapToDouble((c) -> c.count())
			.sum();
	}

	private double soakRequests() {
		return List.of("soak-1", "soak-2")
			.stream()
			.mapToDouble((key) -> this.meters.find("qube.api.requests")
				.tag("key", key)
				.counters()
				.stream()
				.mapToDouble((c) -> c.count())
				.sum())
			.sum();
	}

	private void awaitClock(Instant when) {
		await().atMost(Duration.between(this.clock.instant(), when).plusSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !this.clock.instant().isBefore(when));
	}

}
