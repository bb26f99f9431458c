package eco.qubeprepaid.poller.polling;

import java.time.Duration;
import java.time.ZoneOffset;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.MeterMode;
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

}
