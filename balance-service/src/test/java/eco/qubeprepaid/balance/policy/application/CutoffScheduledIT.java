package eco.qubeprepaid.balance.policy.application;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import eco.qubeprepaid.balance.BalanceIntegrationTest;
import eco.qubeprepaid.balance.policy.domain.CutoffPolicy;
import eco.qubeprepaid.events.CutoffScheduled;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.events.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An owed cut-off held back by a friendly window is announced once
 * ({@code CutoffScheduled} with the window's end), however many snapshots follow in the
 * window, and the cut-off still happens when the window is over.
 */
class CutoffScheduledIT extends BalanceIntegrationTest {

	private static final String DEVICE = "QUBE-ONE-5EED00000301";

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Test
	void anOwedPremiseInsideAWindowIsAnnouncedOnceAndCutWhenTheWindowEnds() {
		String premise = newPremise();
		Instant windowEnd = ist("2025-10-06T10:00:00");
		this.clock.set(ist("2025-10-05T12:10:30"));
		try (TopicReader events = new TopicReader(Topics.BALANCE_EVENTS);
				TopicReader commands = new TopicReader(Topics.DEVICE_COMMANDS)) {
			// Sunday noon IST: friendly all day; the window ends on Monday at 10:00. 0.2
			// kWh
			// at 500 paise takes the balance to -100.
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "5.000", ist("2025-10-05T12:00:00"), TariffKind.EB));
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "5.200", ist("2025-10-05T12:10:00"), TariffKind.EB));

			await().atMost(WAIT).untilAsserted(() -> {
				List<CutoffScheduled> scheduled = events(events, premise, CutoffScheduled.class);
				assertThat(scheduled).hasSize(1);
				assertThat(scheduled.get(0).scheduledFor()).isEqualTo(windowEnd);
				assertThat(scheduled.get(0).balancePaise()).isEqualTo(-100);
				assertThat(scheduled.get(0).eventId())
					.isEqualTo(CutoffPolicy.announcementId(premise, 1, windowEnd, null));
			});

			// More snapshots in the window: the decision is taken again, nothing more is
			// announced.
			this.clock.set(ist("2025-10-05T12:30:30"));
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "5.300", ist("2025-10-05T12:20:00"), TariffKind.EB));
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "5.400", ist("2025-10-05T12:30:00"), TariffKind.EB));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(observedAt(premise)).isEqualTo(ist("2025-10-05T12:30:00")));
			assertThat(walletBalance(premise)).isEqualTo(-200);
			assertThat(announcementsInOutbox(premise)).isEqualTo(1);
			assertThat(outboxRelayOffs(premise)).isZero();

			// After the window the first fresh snapshot cuts, as before.
			this.clock.set(ist("2025-10-06T10:02:30"));
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "5.500", ist("2025-10-06T10:02:00"), TariffKind.EB));
			await().atMost(WAIT).untilAsserted(() -> {
				List<DeviceCommandRequested> offs = commands.recordsWithKey(premise)
					.stream()
					.map(this::decode)
					.map(DeviceCommandRequested.class::cast)
					.filter((c) -> c.command() == DeviceCommand.RELAY_OFF)
					.toList();
				assertThat(offs).hasSize(1);
				assertThat(offs.get(0).commandId()).isEqualTo(CutoffPolicy.commandId(premise, "relay-off", 1, 0));
			});
			assertThat(announcementsInOutbox(premise)).isEqualTo(1);
			assertThat(events(events, premise, CutoffScheduled.class)).hasSize(1);
		}
		finally {
			this.clock.reset();
		}
	}

	private long announcementsInOutbox(String premise) {
		Long count = this.jdbc.queryForObject(
				"SELECT count(*) FROM outbox WHERE message_key = ? AND event_type = 'cutoff-scheduled'", Long.class,
				premise);
		return (count != null) ? count : 0;
	}

	private long outboxRelayOffs(String premise) {
		Long count = this.jdbc.queryForObject(
				"SELECT count(*) FROM outbox WHERE message_key = ? AND position('\"RELAY_OFF\"' in convert_from(payload, 'UTF8')) > 0",
				Long.class, premise);
		return (count != null) ? count : 0;
	}

	private Instant observedAt(String premise) {
		List<OffsetDateTime> at = this.jdbc.queryForList("SELECT observed_at FROM policy_state WHERE premise_id = ?",
				OffsetDateTime.class, premise);
		return at.isEmpty() || at.get(0) == null ? null : at.get(0).toInstant();
	}

}
