package eco.qubeprepaid.balance.policy.application;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.balance.BalanceIntegrationTest;
import eco.qubeprepaid.balance.policy.domain.CutoffPolicy;
import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.events.SupplyRestoreOverdue;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.events.TopUpCaptured;
import eco.qubeprepaid.testsupport.PostgresServer;
import eco.qubeprepaid.testsupport.TestServers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8 on the real broker and PostgreSQL: onboarding keeps the meter's credit and
 * sends nothing, credit that reached the meter from outside becomes a ledger credit, a
 * command whose outcome does not come is asked again and then given up, an owed supply
 * that stays off is reported, and a database outage never dead-letters a top-up.
 */
class RestoreAndOnboardingIT extends BalanceIntegrationTest {

	private static final String DEVICE = "QUBE-ONE-5EED00000301";

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	PolicyJob policyJob;

	@Test
	void theFirstReadingOfAMeterHolding116521PaiseOpensTheWalletWithItAndSendsNoCommand() throws Exception {
		String premise = newPremise();
		try (TopicReader commands = new TopicReader(Topics.DEVICE_COMMANDS);
				TopicReader events = new TopicReader(Topics.BALANCE_EVENTS)) {
			publish(Topics.DEVICE_SNAPSHOTS,
					reading(premise, "1234.560", ist("2025-09-08T11:00:00"), 116_521L, true, MeterMode.PREPAID));
			await().atMost(WAIT).untilAsserted(() -> assertThat(walletBalance(premise)).isEqualTo(116_521));
			assertThat(this.jdbc.queryForObject(
					"SELECT rule || '|' || meter_balance_paise || '|' || opening_balance_paise || '|' || device_id"
							+ " FROM premise_onboarding WHERE premise_id = ?",
					String.class, premise))
				.isEqualTo("ADOPT|116521|116521|" + DEVICE);
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(events(events, premise, BalanceCredited.class)).singleElement()
					.satisfies((c) -> {
						assertThat(c.source()).isEqualTo(BalanceCredited.SOURCE_OPENING);
						assertThat(c.amountPaise()).isEqualTo(116_521);
					}));
			assertThat(get("/api/premises/" + premise + "/statement?from=2025-09-01&to=2025-09-30").body())
				.contains("Opening balance adopted from meter " + DEVICE);
			// No command follows from the first reading, now or a little later.
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(4))
				.until(() -> commands.recordsWithKey(premise).isEmpty());
		}
	}

	@Test
	void underTheZeroRuleTheWalletOpensAtZeroAndTheMeterIsNotTouched() throws Exception {
		String premise = newPremise();
		HttpResponse<String> put = put("/api/premises/" + premise + "/policy",
				"{\"onboarding\":\"zero\",\"updatedBy\":\"ops-alice\"}");
		assertThat(put.statusCode()).isEqualTo(200);
		assertThat(put.body()).contains("\"onboarding\":\"ZERO\"");
		assertThat(put("/api/premises/" + premise + "/policy", "{\"onboarding\":\"sometimes\",\"updatedBy\":\"ops\"}")
			.body()).contains("onboarding is ADOPT");
		try (TopicReader commands = new TopicReader(Topics.DEVICE_COMMANDS)) {
			publish(Topics.DEVICE_SNAPSHOTS,
					reading(premise, "10.000", ist("2025-09-08T11:00:00"), 5_000L, true, MeterMode.POSTPAID));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
						"SELECT rule || '|' || opening_balance_paise FROM premise_onboarding WHERE premise_id = ?",
						String.class, premise))
					.isEqualTo("ZERO|0"));
			assertThat(walletBalance(premise)).isZero();
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(4))
				.until(() -> commands.recordsWithKey(premise).isEmpty());
		}
	}

	@Test
	void creditThatReachedTheMeterFromOutsideIsCreditedNotErased() {
		String premise = newPremise();
		try (TopicReader commands = new TopicReader(Topics.DEVICE_COMMANDS);
				TopicReader events = new TopicReader(Topics.BALANCE_EVENTS)) {
			publish(Topics.DEVICE_SNAPSHOTS,
					reading(premise, "10.000", ist("2025-09-08T11:00:00"), 10_000L, true, MeterMode.POSTPAID));
			// Qube's own gateway recharged the meter by 5,000 between the readings.
			publish(Topics.DEVICE_SNAPSHOTS,
					reading(premise, "10.000", ist("2025-09-08T11:05:00"), 15_000L, true, MeterMode.POSTPAID));
			await().atMost(WAIT).untilAsserted(() -> assertThat(walletBalance(premise)).isEqualTo(15_000));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(events(events, premise, BalanceCredited.class))
					.filteredOn((c) -> BalanceCredited.SOURCE_METER.equals(c.source()))
					.singleElement()
					.satisfies((c) -> assertThat(c.amountPaise()).isEqualTo(5_000)));
			// Redelivering the reading credits nothing more; no balance set erases it.
			publish(Topics.DEVICE_SNAPSHOTS,
					reading(premise, "10.000", ist("2025-09-08T11:10:00"), 15_000L, true, MeterMode.POSTPAID));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.jdbc
					.queryForObject("SELECT observed_at FROM policy_state WHERE premise_id = ?", OffsetDateTime.class,
							premise)
					.toInstant()).isEqualTo(ist("2025-09-08T11:10:00")));
			assertThat(walletBalance(premise)).isEqualTo(15_000);
			assertThat(commands.recordsWithKey(premise)).isEmpty();
		}
	}

	@Test
	void aCommandWithoutAnOutcomeIsAskedAgainUnderItsIdAndGivenUpAfterItsExpiry() {
		String premise = newPremise();
		this.clock.set(ist("2025-09-08T11:10:30"));
		try (TopicReader commands = new TopicReader(Topics.DEVICE_COMMANDS)) {
			topUp(premise, 500);
			publish(Topics.DEVICE_SNAPSHOTS,
					reading(premise, "100.000", ist("2025-09-08T11:00:00"), 0L, true, MeterMode.POSTPAID));
			publish(Topics.DEVICE_SNAPSHOTS,
					reading(premise, "102.000", ist("2025-09-08T11:10:00"), 0L, true, MeterMode.POSTPAID));
			UUID off = CutoffPolicy.commandId(premise, "relay-off", 1, 0);
			await().atMost(WAIT).untilAsserted(() -> assertThat(requests(commands, premise, off)).hasSize(1));
			// No outcome within the outcome timeout (2 min): the same command again.
			this.clock.set(ist("2025-09-08T11:13:00"));
			this.policyJob.runDue(this.clock.instant());
			await().atMost(WAIT).untilAsserted(() -> {
				List<DeviceCommandRequested> asked = requests(commands, premise, off);
				assertThat(asked).hasSize(2);
				assertThat(asked.get(1).eventId()).isNotEqualTo(asked.get(0).eventId());
				assertThat(asked.get(1).sequence()).isEqualTo(asked.get(0).sequence());
				assertThat(asked.get(1).expiresAt()).isEqualTo(asked.get(0).expiresAt());
			});
			assertThat(this.jdbc.queryForObject("SELECT asks FROM policy_command WHERE command_id = ?", Integer.class,
					off))
				.isEqualTo(2);
			// Expired at 11:25 (the data's freshness) and still no outcome 2 min later:
			// given up, so that the next fresh reading asks again under a new id.
			this.clock.set(ist("2025-09-08T11:27:30"));
			this.policyJob.runDue(this.clock.instant());
			assertThat(this.jdbc.queryForObject(
					"SELECT status || ':' || failure_code FROM policy_command WHERE command_id = ?", String.class, off))
				.isEqualTo("FAILED:no-outcome");
			publish(Topics.DEVICE_SNAPSHOTS,
					reading(premise, "102.100", ist("2025-09-08T11:27:00"), 0L, true, MeterMode.POSTPAID));
			UUID again = CutoffPolicy.commandId(premise, "relay-off", 1, 1);
			await().atMost(WAIT).untilAsserted(() -> assertThat(requests(commands, premise, again)).hasSize(1));
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void anOwedSupplyThatStaysOffIsReportedOverdueOnce() {
		String premise = newPremise();
		this.clock.set(ist("2025-09-08T11:00:30"));
		try (TopicReader events = new TopicReader(Topics.BALANCE_EVENTS)) {
			// A meter in MEASUREMENT mode with its relay open refuses a relay-on.
			publish(Topics.DEVICE_SNAPSHOTS,
					reading(premise, "5.000", ist("2025-09-08T11:00:00"), 0L, false, MeterMode.MEASUREMENT));
			publish(Topics.DEVICE_SNAPSHOTS,
					reading(premise, "5.000", ist("2025-09-08T11:00:20"), 0L, false, MeterMode.MEASUREMENT));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.jdbc
					.queryForObject("SELECT observed_at FROM policy_state WHERE premise_id = ?", OffsetDateTime.class,
							premise)
					.toInstant()).isEqualTo(ist("2025-09-08T11:00:20")));
			topUp(premise, 5_000);
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
						"SELECT supply_owed_since IS NOT NULL FROM policy_state WHERE premise_id = ?", Boolean.class,
						premise))
					.isTrue());
			this.clock.set(ist("2025-09-08T11:09:00"));
			this.policyJob.runDue(this.clock.instant());
			assertThat(events(events, premise, SupplyRestoreOverdue.class)).isEmpty();
			this.clock.set(ist("2025-09-08T11:11:00"));
			this.policyJob.runDue(this.clock.instant());
			this.policyJob.runDue(this.clock.instant().plusSeconds(60));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(events(events, premise, SupplyRestoreOverdue.class)).singleElement()
					.satisfies((o) -> assertThat(o.balancePaise()).isEqualTo(5_000)));
			assertThat(get("/api/premises/" + premise + "/relay").body()).contains("\"restoreOverdue\":true")
				.contains("\"meterMode\":\"MEASUREMENT\"");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void aDatabaseOutageLongerThanTheOldRetryBudgetNeverDeadLettersATopUp() throws Exception {
		// Defect 3: four retries 0.1 s apart (the test's retry interval) dead-lettered a
		// captured top-up after about 1.5 s of outage, and nothing ever credited it.
		String premise = newPremise();
		PostgresServer server = TestServers.get().postgres();
		String database;
		try (Connection own = this.jdbc.getDataSource().getConnection()) {
			database = own.getCatalog();
		}
		try (TopicReader dlt = new TopicReader(Topics.PAYMENTS + ".dlt");
				Connection admin = DriverManager.getConnection(server.adminJdbcUrl(), server.username(),
						server.password());
				Statement sql = admin.createStatement()) {
			sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
			try {
				sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
						+ "' AND pid <> pg_backend_pid()");
				publish(Topics.PAYMENTS, new TopUpCaptured(UUID.randomUUID(), Instant.now(), premise,
						"pay_" + UUID.randomUUID(), 7_700, "sandbox-pay", Instant.now()));
				await("the top-up is not dead-lettered while the database is away").during(Duration.ofSeconds(8))
					.atMost(Duration.ofSeconds(10))
					.until(() -> dlt.recordsWithKey(premise).isEmpty());
			}
			finally {
				sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
			}
			await().atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(walletBalance(premise)).isEqualTo(7_700));
			assertThat(dlt.recordsWithKey(premise)).isEmpty();
		}
	}

	private static DeviceSnapshotted reading(String premise, String energyKwh, Instant observedAt, Long meterBalance,
			boolean relayOn, MeterMode mode) {
		return new DeviceSnapshotted(UUID.randomUUID(), observedAt.plusSeconds(1), premise, "key-1", DEVICE, 1, true,
				new BigDecimal(energyKwh), new BigDecimal("850"), new BigDecimal("230"), meterBalance, relayOn, mode,
				500L, 800L, TariffKind.EB, false, OffsetDateTime.ofInstant(observedAt, IST), mode != null);
	}

	private List<DeviceCommandRequested> requests(TopicReader reader, String premise, UUID commandId) {
		return reader.recordsWithKey(premise)
			.stream()
			.map(this::decode)
			.map(DeviceCommandRequested.class::cast)
			.filter((c) -> c.commandId().equals(commandId) && c.command() == DeviceCommand.RELAY_OFF)
			.toList();
	}

}
