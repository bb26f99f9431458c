package eco.qubeprepaid.poller.polling;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.poller.polling.application.PollingService;
import eco.qubeprepaid.poller.runtime.PollerRuntime;
import eco.qubeprepaid.poller.support.EventTap;
import eco.qubeprepaid.poller.support.PollerIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SnapshotsIT extends PollerIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PollingService polling;

	@Autowired
	PollerRuntime runtime;

	@Test
	void snapshotsArriveKeyedByIdentityWithTheSandboxValues() {
		String premiseId = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForList(
					"SELECT premise_id FROM premises WHERE api_key_name = 'demo-2' ORDER BY premise_id DESC LIMIT 1",
					String.class), (rows) -> !rows.isEmpty())
			.get(0);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			EventTap.Keyed<DeviceSnapshotted> last = this.tap
				.of(DeviceSnapshotted.class, (s) -> s.premiseId().equals(premiseId) && s.online())
				.stream()
				.reduce((a, b) -> b)
				.orElseThrow();
			assertThat(last.key()).isEqualTo(premiseId);
			DeviceSnapshotted s = last.event();
			JsonNode truth = SANDBOX.device(s.deviceId());
			assertThat(truth.get("udf1").asString()).isEqualTo(premiseId);
			assertThat(s.apiKeyName()).isEqualTo("demo-2");
			assertThat(s.observedAt().getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
			assertThat(s.ebTariffPaisePerKwh()).isEqualTo(truth.get("eb_tariff").asLong());
			assertThat(s.dgTariffPaisePerKwh()).isEqualTo(truth.get("dg_tariff").asLong());
			assertThat(s.mode()).isEqualTo(MeterMode.valueOf(truth.get("mode").asString()));
			assertThat(s.pgEnabled()).isEqualTo(truth.get("pg_enabled").asBoolean());
			assertThat(s.relayOn()).isNotNull();
			assertThat(s.voltageV()).isNotNull();
			assertThat(s.activeTariff()).isNotNull();
			// Between the poll and now the register can only have grown and the balance
			// only fallen (nobody tops this premise up).
			long truthMilliWh = truth.get("register_milli_wh").asLong();
			assertThat(s.energyKwh().movePointRight(6).longValue()).isLessThanOrEqualTo(truthMilliWh).isGreaterThan(0);
			assertThat(s.balancePaise()).isGreaterThanOrEqualTo(truth.get("balance").asLong());
		});
	}

	/**
	 * A reading is stamped with the moment its read began, not when its answer came back.
	 * The command executor writes to the same meter concurrently: a read answered with
	 * the balance from before a set, but stamped after the set's read-back, made
	 * balance-service take that older balance for the newer one and book the set itself
	 * as credit from outside the ledger (a chaos run of 2026-12-03: 2,005,236 paise
	 * invented). The sandbox holds every request for 1.5 s before it reads the meter, so
	 * the meter is read at least 1.5 s after the poll began; the stamp must not be later.
	 */
	@Test
	void aReadingIsStampedWhenItsReadBeganNotWhenTheSlowAnswerCameBack() {
		String premiseId = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForList(
					"SELECT premise_id FROM premises WHERE api_key_name = 'demo-1' ORDER BY premise_id LIMIT 1",
					String.class), (rows) -> !rows.isEmpty())
			.get(0);
		long hold = 1_500;
		this.runtime.stop();
		Instant began;
		Instant returned;
		DeviceSnapshotted snapshot;
		try {
			SANDBOX.admin("PUT", "/faults", "{\"latency_ms\":" + hold + "}");
			began = this.clock.instant();
			snapshot = this.polling.poll(premiseId).orElseThrow();
			returned = this.clock.instant();
		}
		finally {
			SANDBOX.admin("PUT", "/faults", "{\"latency_ms\":0}");
			this.runtime.start();
		}
		Instant stamped = snapshot.observedAt().toInstant();
		assertThat(Duration.between(began, returned)).as("the slow answer")
			.isGreaterThanOrEqualTo(Duration.ofMillis(hold));
		assertThat(stamped).as("stamped when the read began, before the sandbox read the meter")
			.isAfterOrEqualTo(began)
			.isBefore(began.plusMillis(hold));
	}

}
