package eco.qubeprepaid.balance.policy.application;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.balance.BalanceIntegrationTest;
import eco.qubeprepaid.balance.policy.domain.CutoffPolicy;
import eco.qubeprepaid.events.BalanceDriftDetected;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandCompleted;
import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.LowBalanceReached;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.events.Topics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cut-off policy and reconciliation end to end on the real broker and PostgreSQL:
 * snapshots and top-ups in, notices and device commands out through the outbox.
 */
class PolicyIT extends BalanceIntegrationTest {

	private static final String DEVICE = "QUBE-ONE-5EED00000201";

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	PolicyJob policyJob;

	@Test
	void cutsAPremiseThatRunsOutOutsideAWindowWithOneCommandEvenWhenTheSnapshotIsDeliveredTwice() {
		String premise = newPremise();
		// The service clock at the data's time: cut-offs rely only on fresh readings.
		this.clock.set(ist("2025-09-08T11:15:30"));
		try (TopicReader commands = new TopicReader(Topics.DEVICE_COMMANDS);
				TopicReader events = new TopicReader(Topics.BALANCE_EVENTS)) {
			topUp(premise, 500);
			// Monday 11:00 IST, outside every default window.
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "100.000", ist("2025-09-08T11:00:00"), TariffKind.EB));
			DeviceSnapshotted runsOut = snapshot(premise, DEVICE, 1, "102.000", ist("2025-09-08T11:10:00"),
					TariffKind.EB);
			publish(Topics.DEVICE_SNAPSHOTS, runsOut);
			publish(Topics.DEVICE_SNAPSHOTS, runsOut);
			// A later snapshot while the relay still reads on must not ask again either.
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "102.100", ist("2025-09-08T11:15:00"), TariffKind.EB));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(observedAt(premise)).isEqualTo(ist("2025-09-08T11:15:00")));

			await().atMost(WAIT).untilAsserted(() -> {
				List<DeviceCommandRequested> offs = commands(commands, premise, DeviceCommand.RELAY_OFF);
				assertThat(offs).hasSize(1);
				assertThat(offs.get(0).commandId()).isEqualTo(CutoffPolicy.commandId(premise, "relay-off", 1, 0));
				assertThat(offs.get(0).requestedBy()).isEqualTo("balance-service");
			});
			assertThat(outboxCount(premise, "\"RELAY_OFF\"")).isEqualTo(1);
			// 500 - 2 kWh x 500 = -500 crosses 30 %, 10 % and 0 % of the 500 top-up once
			// each.
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(events(events, premise, LowBalanceReached.class))
					.extracting(LowBalanceReached::threshold)
					.containsExactly("30%", "10%", "0%"));
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void restoresOnceWhenACreditBringsTheBalanceBackAndNoticesARungAgainOnTheNextCrossing() {
		String premise = newPremise();
		this.clock.set(ist("2025-09-09T11:10:30"));
		try (TopicReader commands = new TopicReader(Topics.DEVICE_COMMANDS);
				TopicReader events = new TopicReader(Topics.BALANCE_EVENTS)) {
			topUp(premise, 500);
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "10.000", ist("2025-09-09T11:00:00"), TariffKind.EB));
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "12.000", ist("2025-09-09T11:10:00"), TariffKind.EB));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(commands(commands, premise, DeviceCommand.RELAY_OFF)).hasSize(1));
			UUID offId = commands(commands, premise, DeviceCommand.RELAY_OFF).get(0).commandId();
			publish(Topics.DEVICE_COMMAND_RESULTS, new DeviceCommandCompleted(UUID.randomUUID(), Instant.now(), premise,
					offId, DeviceCommand.RELAY_OFF, DEVICE, false, 0L, 1));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
						"SELECT command_status || ':' || confirmed_relay_on FROM policy_state WHERE premise_id = ?",
						String.class, premise))
					.isEqualTo("COMPLETED:false"));

			topUp(premise, 1_000);
			assertThat(walletBalance(premise)).isEqualTo(500);
			await().atMost(WAIT).untilAsserted(() -> {
				List<DeviceCommandRequested> ons = commands(commands, premise, DeviceCommand.RELAY_ON);
				assertThat(ons).hasSize(1);
				assertThat(ons.get(0).commandId()).isEqualTo(CutoffPolicy.commandId(premise, "relay-on", 1, 0));
			});
			// The credit re-armed the rungs (now 300, 100 and 0 of the 1,000 top-up);
			// using
			// 0.5 kWh (250 paise) crosses 30 % again, once.
			this.clock.set(ist("2025-09-09T11:20:30"));
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "12.500", ist("2025-09-09T11:20:00"), TariffKind.EB));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(events(events, premise, LowBalanceReached.class))
					.extracting(LowBalanceReached::threshold)
					.containsExactly("30%", "10%", "0%", "30%"));
			assertThat(outboxCount(premise, "\"RELAY_ON\"")).isEqualTo(1);
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void insideAWindowSchedulesTheCutoffAndTheFirstSnapshotAfterTheWindowExecutesIt() {
		String premise = newPremise();
		this.clock.set(ist("2025-09-14T12:10:30"));
		try (TopicReader commands = new TopicReader(Topics.DEVICE_COMMANDS)) {
			// Sunday noon IST: friendly all day; the window ends on Monday at 10:00.
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "5.000", ist("2025-09-14T12:00:00"), TariffKind.EB));
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "5.200", ist("2025-09-14T12:10:00"), TariffKind.EB));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(scheduledAt(premise)).isEqualTo(ist("2025-09-15T10:00:00")));
			assertThat(outboxCount(premise, "\"RELAY_OFF\"")).isZero();

			this.clock.set(ist("2025-09-15T10:02:30"));
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "5.300", ist("2025-09-15T10:02:00"), TariffKind.EB));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(commands(commands, premise, DeviceCommand.RELAY_OFF)).hasSize(1));
			assertThat(scheduledAt(premise)).isNull();
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void thePeriodicJobExecutesAScheduledCutoffWhenTheServiceClockPassesTheWindowsEnd() {
		String premise = newPremise();
		this.clock.set(ist("2025-09-22T09:50:30"));
		try {
			// Monday 09:40 and 09:50 IST: still the night window, which ends at 10:00.
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "7.000", ist("2025-09-22T09:40:00"), TariffKind.EB));
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "7.100", ist("2025-09-22T09:50:00"), TariffKind.EB));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(scheduledAt(premise)).isEqualTo(ist("2025-09-22T10:00:00")));

			this.clock.set(ist("2025-09-22T09:59:00"));
			this.policyJob.runDue(this.clock.instant());
			assertThat(outboxCount(premise, "\"RELAY_OFF\"")).isZero();

			this.clock.set(ist("2025-09-22T10:01:00"));
			this.policyJob.runDue(this.clock.instant());
			assertThat(outboxCount(premise, "\"RELAY_OFF\"")).isEqualTo(1);
			assertThat(scheduledAt(premise)).isNull();
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void neverCutsAnOfflineMeter() {
		String premise = newPremise();
		this.clock.set(ist("2025-09-21T12:10:30"));
		try {
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "3.000", ist("2025-09-21T12:00:00"), TariffKind.EB));
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "3.400", ist("2025-09-21T12:10:00"), TariffKind.EB));
			await().atMost(WAIT).untilAsserted(() -> assertThat(scheduledAt(premise)).isNotNull());
			this.clock.set(ist("2025-09-22T10:05:30"));
			DeviceSnapshotted online = snapshot(premise, DEVICE, 1, "3.400", ist("2025-09-22T10:05:00"), TariffKind.EB);
			publish(Topics.DEVICE_SNAPSHOTS,
					new DeviceSnapshotted(UUID.randomUUID(), online.occurredAt(), premise, "key-1", DEVICE, 1, false,
							online.energyKwh(), null, null, 0L, true, MeterMode.POSTPAID, 500L, 800L, TariffKind.EB,
							false, online.observedAt(), true));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.jdbc
					.queryForObject("SELECT online FROM policy_state WHERE premise_id = ?", Boolean.class, premise))
					.isFalse());
			this.clock.set(ist("2025-09-22T10:06:00"));
			this.policyJob.runDue(this.clock.instant());
			assertThat(outboxCount(premise, "\"RELAY_OFF\"")).isZero();
			assertThat(walletBalance(premise)).isEqualTo(-200);
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void aMeterEnforcedPremiseIsNeverSwitchedButItsBalanceIsKeptInStep() throws Exception {
		String premise = newPremise();
		HttpResponse<String> put = put("/api/premises/" + premise + "/policy",
				"{\"enforcement\":\"METER\",\"ladder\":[\"5000p\"],\"updatedBy\":\"ops-alice\"}");
		assertThat(put.statusCode()).isEqualTo(200);
		assertThat(put.body()).contains("\"enforcement\":\"METER\"").contains("\"explicit\":true");
		topUp(premise, 1_000);
		publish(Topics.DEVICE_SNAPSHOTS, meterSnapshot(premise, "1.000", ist("2025-09-08T11:00:00"), 0L));
		publish(Topics.DEVICE_SNAPSHOTS, meterSnapshot(premise, "4.000", ist("2025-09-08T11:30:00"), 0L));
		await().atMost(WAIT).untilAsserted(() -> assertThat(walletBalance(premise)).isEqualTo(-500));
		await().atMost(WAIT).untilAsserted(() -> assertThat(observedAt(premise)).isEqualTo(ist("2025-09-08T11:30:00")));
		assertThat(outboxCount(premise, "\"RELAY_OFF\"")).isZero();
		assertThat(outboxCount(premise, "\"5000p\"")).isEqualTo(1);
	}

	@Test
	void reportsADriftOnceAndAsksForAnAbsoluteBalanceSetAtMostOncePerInterval() {
		String premise = newPremise();
		try (TopicReader events = new TopicReader(Topics.BALANCE_EVENTS);
				TopicReader commands = new TopicReader(Topics.DEVICE_COMMANDS)) {
			topUp(premise, 10_000);
			// The first reading adopts the meter's 20,000: the wallet holds 30,000.
			publish(Topics.DEVICE_SNAPSHOTS, meterSnapshot(premise, "1.000", ist("2025-09-08T11:00:00"), 20_000L));
			publish(Topics.DEVICE_SNAPSHOTS, meterSnapshot(premise, "1.000", ist("2025-09-08T11:05:00"), 4_000L));
			publish(Topics.DEVICE_SNAPSHOTS, meterSnapshot(premise, "1.000", ist("2025-09-08T11:10:00"), 4_000L));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(observedAt(premise)).isEqualTo(ist("2025-09-08T11:10:00")));
			await().atMost(WAIT).untilAsserted(() -> {
				List<BalanceDriftDetected> drifts = events(events, premise, BalanceDriftDetected.class);
				assertThat(drifts).hasSize(1);
				assertThat(drifts.get(0).driftPaise()).isEqualTo(-26_000);
				assertThat(drifts.get(0).ledgerBalancePaise()).isEqualTo(30_000);
				assertThat(drifts.get(0).enforcement()).isEqualTo("METER");
			});
			await().atMost(WAIT).untilAsserted(() -> {
				List<DeviceCommandRequested> sets = commands(commands, premise, DeviceCommand.SET_BALANCE);
				assertThat(sets).hasSize(1);
				assertThat(sets.get(0).balancePaise()).isEqualTo(30_000);
				// The set may not erase credit the meter might gain before it is applied.
				assertThat(sets.get(0).expectedMeterBalancePaise()).isEqualTo(4_000);
			});
		}
	}

	@Test
	void auditsAnOperatorsForcedCutoff() throws Exception {
		String premise = newPremise();
		topUp(premise, 2_000);
		await().atMost(WAIT).untilAsserted(() -> assertThat(walletBalance(premise)).isEqualTo(2_000));
		HttpResponse<String> refused = post("/api/premises/" + premise + "/relay", "{\"on\":false,\"operator\":\"\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("reason is required");
		try (TopicReader commands = new TopicReader(Topics.DEVICE_COMMANDS)) {
			HttpResponse<String> forced = post("/api/premises/" + premise + "/relay",
					"{\"on\":false,\"operator\":\"alice\",\"reason\":\"wiring fault reported\"}");
			assertThat(forced.statusCode()).isEqualTo(202);
			await().atMost(WAIT).untilAsserted(() -> {
				List<DeviceCommandRequested> offs = commands(commands, premise, DeviceCommand.RELAY_OFF);
				assertThat(offs).hasSize(1);
				assertThat(offs.get(0).requestedBy()).isEqualTo("operator:alice (ops-money)");
				assertThat(forced.body()).contains(offs.get(0).commandId().toString());
			});
		}
		assertThat(this.jdbc.queryForObject(
				"SELECT operator || '|' || reason || '|' || relay_on FROM relay_override WHERE premise_id = ?",
				String.class, premise))
			.isEqualTo("alice (ops-money)|wiring fault reported|false");
		HttpResponse<String> state = get("/api/premises/" + premise + "/relay");
		assertThat(state.body()).contains("\"operatorHold\":true").contains("\"operator\":\"alice (ops-money)\"");
	}

	@Test
	void validatesPoliciesWithClearMessagesAndManagesHolidays() throws Exception {
		String scope = "IT-Policy-" + UUID.randomUUID() + ".*";
		HttpResponse<String> badLadder = put("/api/premises/" + scope + "/policy",
				"{\"ladder\":[\"thirty\"],\"updatedBy\":\"ops\"}");
		assertThat(badLadder.statusCode()).isEqualTo(400);
		assertThat(badLadder.body()).contains("a ladder rung is written '30%' or '5000p'");
		HttpResponse<String> badEmergency = put("/api/premises/" + scope + "/policy",
				"{\"emergencyCreditPaise\":5000,\"updatedBy\":\"ops\"}");
		assertThat(badEmergency.statusCode()).isEqualTo(400);
		assertThat(badEmergency.body()).contains("emergency credit needs both");
		HttpResponse<String> badRestore = put("/api/premises/" + scope + "/policy",
				"{\"restoreMinimumPaise\":0,\"updatedBy\":\"ops\"}");
		assertThat(badRestore.statusCode()).isEqualTo(400);
		HttpResponse<String> ok = put("/api/premises/" + scope + "/policy",
				"{\"friendlyFrom\":\"20:00\",\"friendlyUntil\":\"08:00\",\"friendlyWeekdays\":[\"sunday\",\"SATURDAY\"],"
						+ "\"emergencyCreditPaise\":5000,\"emergencyCreditDays\":3,\"updatedBy\":\"ops\"}");
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).contains("\"friendlyWeekdays\":[\"SATURDAY\",\"SUNDAY\"]")
			.contains("\"emergencyCreditDays\":3");

		HttpResponse<String> holiday = put("/api/premises/" + scope + "/policy/holidays/2025-10-21",
				"{\"name\":\"Diwali\"}");
		assertThat(holiday.statusCode()).isEqualTo(200);
		String premise = scope.substring(0, scope.length() - 1) + "Room-1";
		HttpResponse<String> inherited = get("/api/premises/" + premise + "/policy");
		assertThat(inherited.body()).contains("\"explicit\":false")
			.contains("\"effectiveHolidays\":[\"2025-10-21\"]")
			.contains("\"friendlyFrom\":\"20:00:00\"");
		assertThat(delete("/api/premises/" + scope + "/policy/holidays/2025-10-21").statusCode()).isEqualTo(200);
		assertThat(delete("/api/premises/" + scope + "/policy/holidays/2025-10-21").statusCode()).isEqualTo(404);
		assertThat(get("/api/premises/" + premise + "/policy").body()).contains("\"effectiveHolidays\":[]");
	}

	@Test
	void countsPolicyDecisionsWithoutPremiseIds() throws Exception {
		String premise = newPremise();
		this.clock.set(ist("2025-09-28T12:30:30"));
		try {
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "1.000", ist("2025-09-28T12:00:00"), TariffKind.EB));
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "1.500", ist("2025-09-28T12:30:00"), TariffKind.EB));
			await().atMost(WAIT).untilAsserted(() -> assertThat(scheduledAt(premise)).isNotNull());
		}
		finally {
			this.clock.reset();
		}
		await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(get("/actuator/prometheus").body()).contains("policy_cutoff_deferred_total{")
						.contains("reason=\"window\"")
						.contains("reconciliation_drift_paise_count")
						.doesNotContain(premise));
	}

	private static DeviceSnapshotted meterSnapshot(String premise, String energyKwh, Instant observedAt,
			Long meterBalance) {
		return new DeviceSnapshotted(UUID.randomUUID(), observedAt.plusSeconds(1), premise, "key-1", DEVICE, 1, true,
				new BigDecimal(energyKwh), new BigDecimal("850"), new BigDecimal("230"), meterBalance, true,
				MeterMode.PREPAID, 500L, 800L, TariffKind.EB, false, OffsetDateTime.ofInstant(observedAt, IST), true);
	}

	private List<DeviceCommandRequested> commands(TopicReader reader, String premise, DeviceCommand command) {
		return reader.recordsWithKey(premise)
			.stream()
			.map(this::decode)
			.map(DeviceCommandRequested.class::cast)
			.filter((c) -> c.command() == command)
			.toList();
	}

	private long outboxCount(String premise, String payloadFragment) {
		Long count = this.jdbc.queryForObject(
				"SELECT count(*) FROM outbox WHERE message_key = ? AND position(? in convert_from(payload, 'UTF8')) > 0",
				Long.class, premise, payloadFragment);
		return (count != null) ? count : 0;
	}

	private Instant observedAt(String premise) {
		List<OffsetDateTime> at = this.jdbc.queryForList("SELECT observed_at FROM policy_state WHERE premise_id = ?",
				OffsetDateTime.class, premise);
		return at.isEmpty() || at.get(0) == null ? null : at.get(0).toInstant();
	}

	private Instant scheduledAt(String premise) {
		List<OffsetDateTime> at = this.jdbc.queryForList(
				"SELECT scheduled_cutoff_at FROM policy_state WHERE premise_id = ?", OffsetDateTime.class, premise);
		return at.isEmpty() || at.get(0) == null ? null : at.get(0).toInstant();
	}

}
