package eco.qubeprepaid.poller.command;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandCompleted;
import eco.qubeprepaid.events.DeviceCommandFailed;
import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.poller.command.domain.PendingCommand;
import eco.qubeprepaid.poller.command.persistence.JooqCommandStore;
import eco.qubeprepaid.poller.runtime.PollerRuntime;
import eco.qubeprepaid.poller.support.PollerIntegrationTest;
import eco.qubeprepaid.poller.support.Premises;
import eco.qubeprepaid.poller.support.SandboxServer;
import eco.qubeprepaid.testsupport.PostgresServer;
import eco.qubeprepaid.testsupport.TestServers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8, commands are never lost, never stale, never out of order, on the real broker,
 * PostgreSQL and sandbox: a relay-off published late never overtakes the relay-on that
 * followed it, a newer balance set supersedes an older one still pending, a balance set
 * never erases credit the meter gained meanwhile, a command already in place costs no
 * write, a balance set stuck in verification stops holding the commands after it back,
 * and a database outage never makes the consumer skip a command.
 */
class CommandOrderIT extends PollerIntegrationTest {

	private static final List<String> USED = new CopyOnWriteArrayList<>();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PollerRuntime runtime;

	@Autowired
	JooqCommandStore store;

	@Test
	void aRelayOffPublishedLateIsSupersededByTheRelayOnThatFollowedItAndNeverApplied() {
		Map<String, Object> premise = pick();
		String premiseId = (String) premise.get("premise_id");
		String deviceId = (String) premise.get("device_id");
		long relayWrites = SANDBOX.requests("P2", null);
		Instant now = this.clock.instant();
		// The relay-on (sequence 8) reaches the poller first; the relay-off decided just
		// before it (sequence 7) comes late, as an outbox row published late would.
		DeviceCommandRequested on = command(premiseId, DeviceCommand.RELAY_ON, null, now, 8L, null);
		DeviceCommandRequested off = command(premiseId, DeviceCommand.RELAY_OFF, null, now.minusSeconds(1), 7L, null);
		send(on);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					this.tap.of(DeviceCommandCompleted.class, (e) -> e.commandId().equals(on.commandId())))
				.hasSize(1));
		send(off);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					this.tap.of(DeviceCommandFailed.class, (e) -> e.commandId().equals(off.commandId())))
				.singleElement()
				.satisfies((k) -> assertThat(k.event().errorCode()).isEqualTo("superseded")));
		assertThat(SANDBOX.device(deviceId).get("relay_state").asBoolean()).as("relay at the sandbox").isTrue();
		// The relay was on already: the relay-on was verified by the read, no write.
		assertThat(SANDBOX.requests("P2", null)).as("relay writes").isEqualTo(relayWrites);
	}

	@Test
	void aNewerBalanceSetSupersedesAnOlderOneStillPendingSoTheOlderNeverRuns() {
		Map<String, Object> premise = pick();
		String premiseId = (String) premise.get("premise_id");
		String deviceId = (String) premise.get("device_id");
		SANDBOX.admin("POST", "/devices/" + deviceId + "/online", "{\"online\":false}");
		DeviceCommandRequested zero;
		DeviceCommandRequested topUp;
		try {
			Instant now = this.clock.instant();
			zero = command(premiseId, DeviceCommand.SET_BALANCE, 0L, now, 1L, null);
			send(zero);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(status(zero.commandId())).isEqualTo("PENDING"));
			topUp = command(premiseId, DeviceCommand.SET_BALANCE, 150_000L, now.plusMillis(1), 2L, null);
			send(topUp);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(
						this.tap.of(DeviceCommandFailed.class, (e) -> e.commandId().equals(zero.commandId())))
					.singleElement()
					.satisfies((k) -> assertThat(k.event().errorCode()).isEqualTo("superseded")));
		}
		finally {
			SANDBOX.admin("POST", "/devices/" + deviceId + "/online", "{\"online\":true}");
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					this.tap.of(DeviceCommandCompleted.class, (e) -> e.commandId().equals(topUp.commandId())))
				.hasSize(1));
		assertThat(balanceSets(deviceId)).as("balances set at the sandbox").doesNotContain(0L).contains(150_000L);
	}

	@Test
	void aBalanceSetIsRefusedWhenTheMeterHoldsCreditItsRequesterDidNotKnowOf() {
		Map<String, Object> premise = pick();
		String premiseId = (String) premise.get("premise_id");
		String deviceId = (String) premise.get("device_id");
		long shown = SANDBOX.device(deviceId).get("balance").asLong();
		// The requester saw 5,000 paise less than the meter holds: Qube's own gateway
		// recharged it meanwhile. Setting 1,000 would erase that credit.
		DeviceCommandRequested set = command(premiseId, DeviceCommand.SET_BALANCE, 1_000L, this.clock.instant(), 1L,
				shown - 5_000);
		send(set);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					this.tap.of(DeviceCommandFailed.class, (e) -> e.commandId().equals(set.commandId())))
				.singleElement()
				.satisfies((k) -> assertThat(k.event().errorCode()).isEqualTo("meter_balance_changed")));
		assertThat(SANDBOX.device(deviceId).get("balance").asLong()).isGreaterThan(shown - 5_000);
		assertThat(balanceSets(deviceId)).doesNotContain(1_000L);
	}

	@Test
	void aBalanceSetWhoseTargetTheMeterShowsThroughOutsideCreditIsRefusedNotTakenForItsOwn() {
		Map<String, Object> premise = pick();
		String premiseId = (String) premise.get("premise_id");
		String deviceId = (String) premise.get("device_id");
		this.runtime.stop();
		DeviceCommandRequested set;
		try {
			long shown = SANDBOX.device(deviceId).get("balance").asLong();
			// The tenant recharged 20,000 paise at the meter (Qube's own gateway) while a
			// top-up of the same 20,000 went through the ledger: the set's target is what
			// the meter now shows, but through credit the requester did not know of.
			// Taken as
			// the set's own, that credit would be lost to the tenant.
			SANDBOX.admin("POST", "/devices/" + deviceId + "/external-recharge", "{\"amount_paise\":20000}");
			long recharged = SANDBOX.device(deviceId).get("balance").asLong();
			set = command(premiseId, DeviceCommand.SET_BALANCE, recharged, this.clock.instant(), 1L, shown);
			send(set);
			UUID id = set.commandId();
			await().atMost(Duration.ofSeconds(30)).until(() -> "PENDING".equals(status(id)));
		}
		finally {
			this.runtime.start();
		}
		UUID id = set.commandId();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.tap.of(DeviceCommandFailed.class, (e) -> e.commandId().equals(id)))
				.singleElement()
				.satisfies((k) -> assertThat(k.event().errorCode()).isEqualTo("meter_balance_changed")));
		assertThat(this.tap.of(DeviceCommandCompleted.class, (e) -> e.commandId().equals(id))).isEmpty();
	}

	@Test
	void aBalanceSetWhoseWriteLandedBeforeACrashCompletesOnItsRetryInsteadOfBeingTakenForOutsideCredit() {
		Map<String, Object> premise = pick();
		String premiseId = (String) premise.get("premise_id");
		String deviceId = (String) premise.get("device_id");
		this.runtime.stop();
		DeviceCommandRequested set;
		try {
			long shown = SANDBOX.device(deviceId).get("balance").asLong();
			// A top-up of 20,000 paise brought to the meter: the requester saw `shown`.
			set = command(premiseId, DeviceCommand.SET_BALANCE, shown + 20_000, this.clock.instant(), 1L, shown);
			send(set);
			UUID id = set.commandId();
			await().atMost(Duration.ofSeconds(30)).until(() -> "PENDING".equals(status(id)));
			// The write was sent and landed, and the poller died before recording it; the
			// meter has deducted 300 paise since.
			this.store.markWriteSent(id, this.clock.instant());
			SANDBOX.admin("POST", "/devices/" + deviceId + "/external-recharge", "{\"amount_paise\":19700}");
			assertThat(SANDBOX.device(deviceId).get("balance").asLong()).isGreaterThan(shown);
		}
		finally {
			this.runtime.start();
		}
		UUID id = set.commandId();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.tap.of(DeviceCommandCompleted.class, (e) -> e.commandId().equals(id)))
				.as("completed, not refused as credit from elsewhere")
				.hasSize(1));
		assertThat(this.tap.of(DeviceCommandFailed.class, (e) -> e.commandId().equals(id))).isEmpty();
		assertThat(SANDBOX.device(deviceId).get("balance").asLong()).isEqualTo(set.balancePaise());
	}

	@Test
	void aBalanceSetStuckInVerificationStopsHoldingBackTheCommandsAfterIt() {
		Map<String, Object> premise = pick();
		String premiseId = (String) premise.get("premise_id");
		this.runtime.stop();
		try {
			Instant now = this.clock.instant();
			DeviceCommandRequested set = command(premiseId, DeviceCommand.SET_BALANCE, 50_000L, now, 1L, null);
			DeviceCommandRequested on = command(premiseId, DeviceCommand.RELAY_ON, null, now, 2L, null);
			send(set);
			send(on);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(status(set.commandId())).isEqualTo("PENDING");
				assertThat(status(on.commandId())).isEqualTo("PENDING");
			});
			Instant later = now.plusSeconds(5);
			assertThat(due(later)).as("the relay-on waits for the balance set before it")
				.extracting(PendingCommand::commandId)
				.contains(set.commandId())
				.doesNotContain(on.commandId());
			// Three writes that did not verify: it stops holding the relay-on back.
			this.jdbc.update("UPDATE device_commands SET attempts = 3 WHERE command_id = ?", set.commandId());
			assertThat(due(later)).extracting(PendingCommand::commandId).contains(set.commandId(), on.commandId());
		}
		finally {
			this.runtime.start();
		}
	}

	@Test
	void aDatabaseOutageNeverMakesTheConsumerSkipACommand() throws Exception {
		// Defect 2: spring-kafka's default error handler skipped a record after ten
		// failed attempts; with the database away that was a lost command.
		Map<String, Object> premise = pick();
		String premiseId = (String) premise.get("premise_id");
		String deviceId = (String) premise.get("device_id");
		PostgresServer server = TestServers.get().postgres();
		String database;
		try (Connection own = this.jdbc.getDataSource().getConnection()) {
			database = own.getCatalog();
		}
		DeviceCommandRequested off;
		try (Connection admin = DriverManager.getConnection(server.adminJdbcUrl(), server.username(),
				server.password()); Statement sql = admin.createStatement()) {
			sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
			try {
				sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
						+ "' AND pid <> pg_backend_pid()");
				off = requestCommand(premiseId, DeviceCommand.RELAY_OFF, null, Duration.ofMinutes(5));
				// Longer than ten attempts of a one-second connection timeout.
				await().during(Duration.ofSeconds(14))
					.atMost(Duration.ofSeconds(16))
					.until(() -> SANDBOX.device(deviceId).get("relay_state").asBoolean());
			}
			finally {
				sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
			}
		}
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(
					this.tap.of(DeviceCommandCompleted.class, (e) -> e.commandId().equals(off.commandId())))
				.hasSize(1));
		assertThat(SANDBOX.device(deviceId).get("relay_state").asBoolean()).isFalse();
	}

	private List<PendingCommand> due(Instant at) {
		return this.store.due("demo-2", false, at, 1000);
	}

	private String status(UUID commandId) {
		return this.store.status(commandId);
	}

	private static DeviceCommandRequested command(String premiseId, DeviceCommand command, Long balancePaise,
			Instant requestedAt, Long sequence, Long expectedMeterBalancePaise) {
		return new DeviceCommandRequested(UUID.randomUUID(), requestedAt, premiseId, UUID.randomUUID(), command,
				balancePaise, "test", "poller-tests", requestedAt.plus(Duration.ofMinutes(5)), sequence,
				expectedMeterBalancePaise);
	}

	/** The balances set at the sandbox on a device, from its ground truth. */
	private static List<Long> balanceSets(String deviceId) {
		JsonNode truth = SandboxServer.json(SANDBOX.admin("GET", "/devices/" + deviceId + "/truth", null));
		List<Long> sets = new ArrayList<>();
		for (JsonNode event : truth.get("events")) {
			if ("balance_set".equals(event.get("type").asString())) {
				sets.add(event.get("details").get("to").asLong());
			}
		}
		return sets;
	}

	private Map<String, Object> pick() {
		Map<String, Object> premise = await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> Premises.pick(this.jdbc, "demo-2", Premises::onlinePrepaidWithSupply, USED),
					(row) -> row != null);
		USED.add((String) premise.get("premise_id"));
		return premise;
	}

}
