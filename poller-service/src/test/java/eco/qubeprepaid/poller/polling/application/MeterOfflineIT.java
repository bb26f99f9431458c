package eco.qubeprepaid.poller.polling.application;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.MeterOffline;
import eco.qubeprepaid.poller.qube.PollerProperties;
import eco.qubeprepaid.poller.registry.application.DiscoveryService;
import eco.qubeprepaid.poller.registry.domain.Premise;
import eco.qubeprepaid.poller.registry.domain.PremiseIdentity;
import eco.qubeprepaid.poller.registry.domain.PremiseRegistry;
import eco.qubeprepaid.poller.runtime.PollerRuntime;
import eco.qubeprepaid.poller.support.EventTap;
import eco.qubeprepaid.poller.support.PollerIntegrationTest;
import eco.qubeprepaid.poller.support.Premises;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * {@code MeterOffline} once per offline episode, with {@code offline-notice-after} at 2 s
 * (the shared test context). The poll workers are stopped so that the test's own polls
 * are the only ones: each poll goes through {@link PollingService} exactly as a worker's
 * does, and the time between them is chosen instead of hoped for.
 */
class MeterOfflineIT extends PollerIntegrationTest {

	private static final List<String> USED = new ArrayList<>();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PollingService polling;

	@Autowired
	PollerRuntime runtime;

	@Autowired
	PremiseRegistry registry;

	@Autowired
	DiscoveryService discovery;

	@Autowired
	PollerProperties properties;

	@Autowired
	MeterRegistry meters;

	private final List<String> takenOffline = new ArrayList<>();

	@BeforeEach
	void stopWorkers() {
		assertThat(this.properties.offlineNoticeAfter()).isEqualTo(Duration.ofSeconds(2));
		this.runtime.stop();
	}

	@AfterEach
	void restore() {
		try {
			for (String deviceId : this.takenOffline) {
				online(deviceId, true);
			}
		}
		finally {
			this.runtime.start();
		}
	}

	@Test
	void anOfflineMeterIsReportedOncePerEpisodeSinceItsFirstOfflinePoll() {
		Map<String, Object> premise = pick();
		String premiseId = (String) premise.get("premise_id");
		String deviceId = (String) premise.get("device_id");
		double noticedBefore = noticedCount();
		assertThat(poll(premiseId).online()).isTrue();

		online(deviceId, false);
		Instant firstOffline = offlinePoll(premiseId);
		// Offline, but not yet for the threshold.
		offlinePoll(premiseId);
		assertThat(outboxRows(premiseId)).isZero();
		awaitPast(firstOffline.plus(this.properties.offlineNoticeAfter()));
		offlinePoll(premiseId);
		assertThat(outboxRows(premiseId)).isOne();
		// More offline polls of the same episode report nothing more.
		offlinePoll(premiseId);
		offlinePoll(premiseId);
		assertThat(outboxRows(premiseId)).isOne();
		assertThat(noticedCount() - noticedBefore).isEqualTo(1.0);

		MeterOffline first = await().atMost(Duration.ofSeconds(30))
			.until(() -> noticesOf(premiseId), (found) -> !found.isEmpty())
			.get(0);
		assertThat(first.deviceId()).isEqualTo(deviceId);
		assertThat(first.offlineSince()).isCloseTo(firstOffline, within(1, ChronoUnit.MILLIS));
		assertThat(first.occurredAt()).isAfterOrEqualTo(firstOffline.plus(this.properties.offlineNoticeAfter()));
		assertThat(this.tap.of(MeterOffline.class, (e) -> e.premiseId().equals(premiseId)))
			.allSatisfy((keyed) -> assertThat(keyed.key()).isEqualTo(premiseId));

		// Online ends the episode; offline again starts a new one, reported again.
		online(deviceId, true);
		assertThat(poll(premiseId).online()).isTrue();
		assertThat(episode(premiseId)).containsEntry("offline_since", null).containsEntry("offline_noticed", false);
		online(deviceId, false);
		Instant secondOffline = offlinePoll(premiseId);
		awaitPast(secondOffline.plus(this.properties.offlineNoticeAfter()));
		offlinePoll(premiseId);
		offlinePoll(premiseId);
		assertThat(outboxRows(premiseId)).isEqualTo(2);
		assertThat(noticedCount() - noticedBefore).isEqualTo(2.0);

		List<MeterOffline> notices = await().atMost(Duration.ofSeconds(30))
			.until(() -> noticesOf(premiseId), (found) -> found.size() >= 2);
		assertThat(notices).hasSize(2);
		assertThat(notices.get(1).offlineSince()).isCloseTo(secondOffline, within(1, ChronoUnit.MILLIS));
		assertThat(notices.get(1).eventId()).isNotEqualTo(notices.get(0).eventId());
	}

	@Test
	void aMeterBackOnlineBeforeTheThresholdIsNotReported() {
		Map<String, Object> premise = pick();
		String premiseId = (String) premise.get("premise_id");
		String deviceId = (String) premise.get("device_id");
		assertThat(poll(premiseId).online()).isTrue();

		online(deviceId, false);
		Instant offline = offlinePoll(premiseId);
		online(deviceId, true);
		// Had the meter stayed offline, this poll would report it.
		awaitPast(offline.plus(this.properties.offlineNoticeAfter()));
		assertThat(poll(premiseId).online()).isTrue();

		assertThat(outboxRows(premiseId)).isZero();
		assertThat(episode(premiseId)).containsEntry("offline_since", null).containsEntry("offline_noticed", false);
	}

	@Test
	void gapFillHistoryNeitherStartsAnEpisodeNorReportsOne() {
		Map<String, Object> premise = pick();
		String premiseId = (String) premise.get("premise_id");
		assertThat(poll(premiseId).online()).isTrue();
		Premise known = this.registry.find(new PremiseIdentity(premiseId)).orElseThrow();
		Instant at = this.clock.instant();

		// What GapFillService stores for every history bucket: online=false.
		Premise filled = this.polling.record(known, known.last().energyKwh(), known.last().balancePaise(), false, at);
		awaitPast(at.plus(this.properties.offlineNoticeAfter()));
		this.polling.record(filled, known.last().energyKwh(), known.last().balancePaise(), false, this.clock.instant());

		assertThat(episode(premiseId)).containsEntry("offline_since", null).containsEntry("offline_noticed", false);
		assertThat(outboxRows(premiseId)).isZero();
	}

	@Test
	void aReplacementDeviceStartsWithoutTheOldDevicesEpisode() {
		Map<String, Object> premise = pick();
		String premiseId = (String) premise.get("premise_id");
		String oldDevice = (String) premise.get("device_id");
		assertThat(poll(premiseId).online()).isTrue();
		online(oldDevice, false);
		Instant offline = offlinePoll(premiseId);
		awaitPast(offline.plus(this.properties.offlineNoticeAfter()));
		offlinePoll(premiseId);
		assertThat(episode(premiseId)).containsEntry("offline_noticed", true);

		String newDevice = SANDBOX.json(SANDBOX.admin("POST", "/devices/" + oldDevice + "/replace", null))
			.get("new_device_id")
			.asString();
		// The retired device answers no more; the new one is what the premise has now.
		this.takenOffline.remove(oldDevice);
		online(newDevice, false);
		this.discovery.discover("demo-2");
		assertThat(this.registry.find(new PremiseIdentity(premiseId)).orElseThrow().deviceId()).isEqualTo(newDevice);
		assertThat(episode(premiseId)).containsEntry("offline_since", null).containsEntry("offline_noticed", false);

		// The new device's own episode is reported with its own id and start.
		Instant newOffline = offlinePoll(premiseId);
		awaitPast(newOffline.plus(this.properties.offlineNoticeAfter()));
		offlinePoll(premiseId);
		assertThat(outboxRows(premiseId)).isEqualTo(2);
		List<MeterOffline> notices = await().atMost(Duration.ofSeconds(30))
			.until(() -> noticesOf(premiseId), (found) -> found.size() >= 2);
		assertThat(notices).extracting(MeterOffline::deviceId).containsExactly(oldDevice, newDevice);
		assertThat(notices.get(1).offlineSince()).isCloseTo(newOffline, within(1, ChronoUnit.MILLIS));
	}

	private Map<String, Object> pick() {
		Map<String, Object> premise = await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> Premises.pick(this.jdbc, "demo-2", (state) -> state.get("online").asBoolean(), USED),
					(row) -> row != null);
		USED.add((String) premise.get("premise_id"));
		return premise;
	}

	private void online(String deviceId, boolean online) {
		SANDBOX.admin("POST", "/devices/" + deviceId + "/online", "{\"online\":" + online + "}");
		if (!online) {
			this.takenOffline.add(deviceId);
		}
	}

	private DeviceSnapshotted poll(String premiseId) {
		return this.polling.poll(premiseId).orElseThrow();
	}

	private Instant offlinePoll(String premiseId) {
		DeviceSnapshotted snapshot = poll(premiseId);
		assertThat(snapshot.online()).isFalse();
		return snapshot.observedAt().toInstant();
	}

	private void awaitPast(Instant instant) {
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.clock.instant().isAfter(instant));
	}

	private int outboxRows(String premiseId) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM outbox WHERE event_type = 'meter-offline' AND message_key = ?", Integer.class,
				premiseId);
	}

	private Map<String, Object> episode(String premiseId) {
		return this.jdbc.queryForMap("SELECT offline_since, offline_noticed FROM premises WHERE premise_id = ?",
				premiseId);
	}

	private List<MeterOffline> noticesOf(String premiseId) {
		return this.tap.of(MeterOffline.class, (e) -> e.premiseId().equals(premiseId))
			.stream()
			.map(EventTap.Keyed::event)
			.toList();
	}

	private double noticedCount() {
		return this.meters.get("poller.meters.offline.noticed").counter().count();
	}

}
