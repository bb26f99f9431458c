package eco.qubeprepaid.poller.polling;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.poller.runtime.PollerRuntime;
import eco.qubeprepaid.poller.support.EventTap;
import eco.qubeprepaid.poller.support.PollerIntegrationTest;
import eco.qubeprepaid.poller.support.Premises;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Runs after the other tests of the shared context: it moves the simulated clock. */
@Order(Integer.MAX_VALUE - 1)
class GapFillIT extends PollerIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PollerRuntime runtime;

	@Test
	void gapFillAfterDowntimePublishesTheMissedConsumptionBeforeLivePollingResumes() {
		Map<String, Object> premise = await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> Premises.pick(this.jdbc, "demo-2", Premises::onlinePrepaidWithSupply, List.of()),
					(row) -> row != null);
		String premiseId = (String) premise.get("premise_id");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !this.tap.of(DeviceSnapshotted.class, (s) -> s.premiseId().equals(premiseId) && s.online())
				.isEmpty());

		this.runtime.stop();
		DeviceSnapshotted lastBefore = this.tap.of(DeviceSnapshotted.class, (s) -> s.premiseId().equals(premiseId))
			.stream()
			.reduce((a, b) -> b)
			.orElseThrow()
			.event();
		int seenBefore = this.tap.of(DeviceSnapshotted.class, (s) -> s.premiseId().equals(premiseId)).size();
		SANDBOX.admin("POST", "/clock/advance", "{\"seconds\":3600}");
		Instant restartedAt = this.clock.instant();
		this.runtime.start();

		await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
			List<DeviceSnapshotted> after = this.tap.of(DeviceSnapshotted.class, (s) -> s.premiseId().equals(premiseId))
				.stream()
				.skip(seenBefore)
				.map(EventTap.Keyed::event)
				.toList();
			List<DeviceSnapshotted> filled = after.stream().takeWhile((s) -> s.balancePaise() == null).toList();
			// An hour of 15-minute buckets: 4, or 3 when the hour straddles bucket ends.
			assertThat(filled).hasSizeBetween(3, 5);
			assertThat(after).hasSizeGreaterThan(filled.size());
			DeviceSnapshotted firstLive = after.get(filled.size());
			assertThat(firstLive.online()).isTrue();
			assertThat(filled).allSatisfy((s) -> {
				assertThat(s.online()).isFalse();
				assertThat(s.relayOn()).isNull();
				assertThat(s.observedAt().toInstant()).isAfter(lastBefore.observedAt().toInstant())
					.isBefore(restartedAt.plusSeconds(1));
			});
			for (int i = 1; i < filled.size(); i++) {
				assertThat(filled.get(i).observedAt()).isAfter(filled.get(i - 1).observedAt());
				assertThat(filled.get(i).energyKwh()).isGreaterThanOrEqualTo(filled.get(i - 1).energyKwh());
			}
			BigDecimal missed = filled.get(filled.size() - 1).energyKwh().subtract(lastBefore.energyKwh());
			assertThat(missed).isPositive();
			assertThat(firstLive.energyKwh()).isGreaterThanOrEqualTo(filled.get(filled.size() - 1).energyKwh());
		});
	}

}
