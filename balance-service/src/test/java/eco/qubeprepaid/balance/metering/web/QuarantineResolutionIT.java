package eco.qubeprepaid.balance.metering.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import eco.qubeprepaid.testsupport.OperatorAuth;
import eco.qubeprepaid.balance.BalanceIntegrationTest;
import eco.qubeprepaid.balance.ledger.application.SnapshotBilling;
import eco.qubeprepaid.balance.ledger.application.SnapshotOutcome;
import eco.qubeprepaid.balance.ledger.application.TopUpCrediting;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.events.TopUpCaptured;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Operators resolving quarantined readings over real HTTP on the real database: what each
 * resolution does to billing, and that a refused or repeated resolution changes nothing.
 */
class QuarantineResolutionIT extends BalanceIntegrationTest {

	private static final Instant T0 = Instant.parse("2025-09-07T04:30:00Z");

	/** When the operators resolve in these tests (the service clock is set to it). */
	private static final Instant RESOLVED_AT = Instant.parse("2025-09-07T06:00:00Z");

	private static final String DEVICE = "QUBE-ONE-5EED00000101";

	private static final String SWAPPED_DEVICE = "QUBE-ONE-5EED00000777";

	private static final long TOP_UP_PAISE = 10_000;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	SnapshotBilling snapshots;

	@Autowired
	TopUpCrediting topUps;

	@Autowired
	MeterRegistry registry;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void dismissingARegisterDropBillsNothingAndBillingContinuesFromTheOldBaseline() throws Exception {
		String premise = fundedPremise();
		apply(premise, DEVICE, 1, "100.000", T0, SnapshotOutcome.BASELINE);
		apply(premise, DEVICE, 1, "101.000", T0.plusSeconds(600), SnapshotOutcome.BILLED);
		apply(premise, DEVICE, 1, "50.000", T0.plusSeconds(1200), SnapshotOutcome.QUARANTINED);
		long id = quarantineId(premise);
		assertThat(row(id).reason()).isEqualTo("register-drop");
		Baseline before = baseline(premise);
		double dismissedBefore = resolvedCount("dismiss");

		this.clock.set(RESOLVED_AT);
		HttpResponse<String> resolved = resolve(id,
				"{\"action\":\"DISMISS\",\"operator\":\"asha\",\"note\":\" poller glitch \"}");

		assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
		assertThat(resolved.body()).contains("\"id\":" + id)
			.contains("\"premiseId\":\"" + premise + "\"")
			.contains("\"status\":\"RESOLVED\"")
			.contains("\"resolution\":\"DISMISS\"")
			.contains("\"resolvedBy\":\"asha (ops-money)\"")
			.contains("\"resolvedAt\":\"2025-09-07T06:00:00Z\"")
			.contains("\"note\":\"poller glitch\"")
			.contains("nothing was billed for this reading");
		assertThat(row(id)).isEqualTo(
				new Row("register-drop", "RESOLVED", "DISMISS", "asha (ops-money)", RESOLVED_AT, "poller glitch"));
		assertThat(baseline(premise)).isEqualTo(before);
		assertThat(resolvedCount("dismiss")).isEqualTo(dismissedBefore + 1);
		assertThat(get("/api/quarantine").body()).doesNotContain(premise);
		HttpResponse<String> one = get("/api/quarantine/" + id);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(one.body()).contains("\"status\":\"RESOLVED\"").contains("\"resolvedBy\":\"asha (ops-money)\"");

		// 101.000 -> 101.500 kWh: the next interval runs from the old baseline, 0.5 kWh
		// at
		// 500 paise/kWh.
		DeviceSnapshotted next = apply(premise, DEVICE, 1, "101.500", T0.plusSeconds(1800), SnapshotOutcome.BILLED);
		assertThat(debitOf(premise, next)).isEqualTo(250);
		assertThat(walletBalance(premise)).isEqualTo(TOP_UP_PAISE - 500 - 250);
	}

	@Test
	void rebaseliningAnImplausibleJumpBillsTheNextSnapshotFromItAndNeverTheJump() throws Exception {
		String premise = fundedPremise();
		apply(premise, DEVICE, 1, "100.000", T0, SnapshotOutcome.BASELINE);
		apply(premise, DEVICE, 1, "101.000", T0.plusSeconds(600), SnapshotOutcome.BILLED);
		DeviceSnapshotted jump = apply(premise, DEVICE, 1, "900.000", T0.plusSeconds(1200),
				SnapshotOutcome.QUARANTINED);
		long id = quarantineId(premise);
		assertThat(row(id).reason()).isEqualTo("implausible-jump");
		Baseline before = baseline(premise);

		this.clock.set(RESOLVED_AT);
		HttpResponse<String> resolved = resolve(id,
				"{\"action\":\"rebaseline\",\"operator\":\"ravi\",\"note\":\"register re-programmed on site\"}");

		assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
		assertThat(resolved.body()).contains("\"resolution\":\"REBASELINE\"")
			.contains("\"resolvedBy\":\"ravi (ops-money)\"")
			.contains("billing continues from this reading")
			.contains("was NOT billed");
		// The baseline is the quarantined reading; supply, meter rates and the
		// fixed-charge
		// day are kept.
		assertThat(baseline(premise)).isEqualTo(
				new Baseline(DEVICE, 1, new BigDecimal("900.000000"), T0.plusSeconds(1200), before.activeTariff(),
						before.ebPaisePerKwh(), before.dgPaisePerKwh(), before.fixedChargedThrough()));
		assertThat(walletBalance(premise)).isEqualTo(TOP_UP_PAISE - 500);

		// 900.000 -> 901.234 kWh: 1.234 kWh; the segment holds 2.234 kWh, so
		// floor(2.234 x 500) - 500 = 617 paise.
		DeviceSnapshotted next = apply(premise, DEVICE, 1, "901.234", T0.plusSeconds(1800), SnapshotOutcome.BILLED);
		assertThat(debitOf(premise, next)).isEqualTo(617);
		assertThat(walletBalance(premise)).isEqualTo(TOP_UP_PAISE - 500 - 617);
		assertThat(this.jdbc.queryForObject("SELECT sum(energy_mwh) FROM consumption WHERE premise_id = ?", Long.class,
				premise))
			.isEqualTo(1_000_000 + 1_234_000);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM consumption WHERE snapshot_event_id = ?", Long.class,
				jump.eventId()))
			.isZero();
	}

	@Test
	void rebaseliningAReadingOfASwappedMeterTakesItsDeviceAndEpoch() throws Exception {
		String premise = fundedPremise();
		apply(premise, DEVICE, 1, "100.000", T0, SnapshotOutcome.BASELINE);
		// A used meter was fitted: its register is far above what could be consumed
		// since.
		apply(premise, SWAPPED_DEVICE, 2, "4321.000", T0.plusSeconds(600), SnapshotOutcome.QUARANTINED);
		long id = quarantineId(premise);

		HttpResponse<String> resolved = resolve(id, "{\"action\":\"REBASELINE\",\"operator\":\"ravi\"}");

		assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
		assertThat(resolved.body()).contains("\"note\":null");
		Baseline after = baseline(premise);
		assertThat(after.deviceId()).isEqualTo(SWAPPED_DEVICE);
		assertThat(after.epoch()).isEqualTo(2);
		assertThat(after.energyKwh()).isEqualByComparingTo("4321.000");
		DeviceSnapshotted next = apply(premise, SWAPPED_DEVICE, 2, "4321.800", T0.plusSeconds(1200),
				SnapshotOutcome.BILLED);
		assertThat(debitOf(premise, next)).isEqualTo(400);
	}

	@Test
	void refusesARebaselineBehindANewerReadingAndASecondResolutionWithoutChangingAnything() throws Exception {
		String premise = fundedPremise();
		apply(premise, DEVICE, 1, "100.000", T0, SnapshotOutcome.BASELINE);
		apply(premise, DEVICE, 1, "900.000", T0.plusSeconds(600), SnapshotOutcome.QUARANTINED);
		apply(premise, DEVICE, 1, "100.500", T0.plusSeconds(1200), SnapshotOutcome.BILLED);
		long id = quarantineId(premise);
		Baseline moved = baseline(premise);
		assertThat(moved.observedAt()).isEqualTo(T0.plusSeconds(1200));
		Row open = row(id);

		HttpResponse<String> behind = resolve(id, "{\"action\":\"REBASELINE\",\"operator\":\"ravi\"}");

		assertThat(behind.statusCode()).isEqualTo(409);
		assertThat(behind.body()).contains("a newer reading has already moved billing on")
			.contains("100.500000 kWh on " + DEVICE);
		assertThat(baseline(premise)).isEqualTo(moved);
		assertThat(row(id)).isEqualTo(open);
		assertThat(open.status()).isEqualTo("OPEN");

		this.clock.set(RESOLVED_AT);
		assertThat(resolve(id, "{\"action\":\"DISMISS\",\"operator\":\"asha\"}").statusCode()).isEqualTo(200);
		Row dismissed = row(id);
		for (String again : List.of("{\"action\":\"DISMISS\",\"operator\":\"asha\"}",
				"{\"action\":\"REBASELINE\",\"operator\":\"ravi\",\"note\":\"second thoughts\"}")) {
			HttpResponse<String> twice = resolve(id, again);
			assertThat(twice.statusCode()).isEqualTo(409);
			assertThat(twice.body())
				.contains("is already resolved: DISMISS by asha (ops-money) at 2025-09-07T06:00:00Z");
		}
		assertThat(row(id)).isEqualTo(dismissed);
		assertThat(baseline(premise)).isEqualTo(moved);
		assertThat(walletBalance(premise)).isEqualTo(TOP_UP_PAISE - 250);
	}

	@Test
	void answers404ForAnUnknownIdAnd400ForBadInputWithoutChangingAnything() throws Exception {
		String premise = fundedPremise();
		apply(premise, DEVICE, 1, "100.000", T0, SnapshotOutcome.BASELINE);
		apply(premise, DEVICE, 1, "900.000", T0.plusSeconds(600), SnapshotOutcome.QUARANTINED);
		long id = quarantineId(premise);
		Baseline before = baseline(premise);
		Row open = row(id);

		long unknown = Long.MAX_VALUE;
		HttpResponse<String> missing = resolve(unknown, "{\"action\":\"DISMISS\",\"operator\":\"asha\"}");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("no quarantined reading with id " + unknown);
		assertThat(get("/api/quarantine/" + unknown).statusCode()).isEqualTo(404);

		assertBadRequest(resolve(id, "{\"action\":\"DELETE\",\"operator\":\"asha\"}"),
				"action must be DISMISS or REBASELINE, was 'DELETE'");
		assertBadRequest(resolve(id, "{\"operator\":\"asha\"}"), "action is required: DISMISS");
		assertBadRequest(
				resolve(id, "{\"action\":\"DISMISS\",\"operator\":\"asha\",\"note\":\"" + "x".repeat(501) + "\"}"),
				"note must be at most 500 characters, was 501");
		assertBadRequest(post("/api/quarantine/" + id + "/resolution", ""), "a JSON body is required");
		assertBadRequest(post("/api/quarantine/first/resolution", "{\"action\":\"DISMISS\",\"operator\":\"asha\"}"),
				"the quarantine id must be a whole number, was 'first'");

		assertThat(row(id)).isEqualTo(open);
		assertThat(baseline(premise)).isEqualTo(before);
		assertThat(get("/api/quarantine").body()).contains(premise);
	}

	@Test
	void resolvesOnceWhenOperatorsRaceForTheSameReading() throws Exception {
		String premise = fundedPremise();
		apply(premise, DEVICE, 1, "100.000", T0, SnapshotOutcome.BASELINE);
		apply(premise, DEVICE, 1, "900.000", T0.plusSeconds(600), SnapshotOutcome.QUARANTINED);
		long id = quarantineId(premise);
		double before = resolvedCount("dismiss") + resolvedCount("rebaseline");

		List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String action = (i % 2 == 0) ? "DISMISS" : "REBASELINE";
			racing.add(
					this.http.sendAsync(resolution(id, "{\"action\":\"" + action + "\",\"operator\":\"op-" + i + "\"}"),
							HttpResponse.BodyHandlers.ofString()));
		}
		List<Integer> statuses = racing.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

		assertThat(statuses).containsOnly(200, 409);
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
		Row winner = row(id);
		assertThat(winner.status()).isEqualTo("RESOLVED");
		BigDecimal baseline = baseline(premise).energyKwh();
		assertThat(baseline).isEqualByComparingTo(winner.resolution().equals("REBASELINE") ? "900" : "100");
		assertThat(resolvedCount("dismiss") + resolvedCount("rebaseline")).isEqualTo(before + 1);
	}

	@Test
	void theDatabaseRefusesAResolvedRowWithoutItsAuditAndAnOpenRowWithOne() {
		String premise = fundedPremise();
		apply(premise, DEVICE, 1, "100.000", T0, SnapshotOutcome.BASELINE);
		apply(premise, DEVICE, 1, "900.000", T0.plusSeconds(600), SnapshotOutcome.QUARANTINED);
		long id = quarantineId(premise);

		assertThatThrownBy(() -> this.jdbc
			.update("UPDATE quarantined_reading SET status = 'RESOLVED' WHERE quarantine_id = ?", id))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("quarantined_reading_resolution_ck");
		assertThatThrownBy(() -> this.jdbc
			.update("UPDATE quarantined_reading SET resolved_by = 'asha' WHERE quarantine_id = ?", id))
			.hasMessageContaining("quarantined_reading_resolution_ck");
		assertThat(row(id).status()).isEqualTo("OPEN");
	}

	private void assertBadRequest(HttpResponse<String> response, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains(message);
	}

	private String fundedPremise() {
		String premise = newPremise();
		this.topUps.apply(new TopUpCaptured(UUID.randomUUID(), T0.minusSeconds(86_400), premise,
				"pay_" + UUID.randomUUID(), TOP_UP_PAISE, "sandbox-pay", T0.minusSeconds(86_400)));
		return premise;
	}

	private DeviceSnapshotted apply(String premise, String device, int epoch, String energyKwh, Instant observedAt,
			SnapshotOutcome expected) {
		DeviceSnapshotted snapshot = snapshot(premise, device, epoch, energyKwh, observedAt, TariffKind.EB);
		assertThat(this.snapshots.apply(snapshot)).isEqualTo(expected);
		return snapshot;
	}

	private long quarantineId(String premise) {
		Long id = this.jdbc.queryForObject("SELECT quarantine_id FROM quarantined_reading WHERE premise_id = ?",
				Long.class, premise);
		return (id != null) ? id : -1;
	}

	/** The wallet debit of one snapshot's energy posting. */
	private long debitOf(String premise, DeviceSnapshotted snapshot) {
		Long debit = this.jdbc.queryForObject("""
				SELECT e.amount_paise FROM ledger_entry e JOIN ledger_transaction t ON t.tx_id = e.tx_id
				WHERE t.idempotency_key = ? AND e.account_id = ?
				""", Long.class, "snapshot:" + snapshot.eventId(), "wallet:" + premise);
		return (debit != null) ? debit : 0;
	}

	private Baseline baseline(String premise) {
		return this.jdbc.queryForObject("SELECT * FROM meter_state WHERE premise_id = ?",
				(rs, n) -> new Baseline(rs.getString("device_id"), rs.getInt("epoch"),
						rs.getBigDecimal("baseline_energy_kwh"), instant(rs, "baseline_observed_at"),
						rs.getString("active_tariff"), rs.getObject("eb_paise_per_kwh", Long.class),
						rs.getObject("dg_paise_per_kwh", Long.class),
						rs.getObject("fixed_charged_through", LocalDate.class)),
				premise);
	}

	private Row row(long id) {
		return this.jdbc.queryForObject("SELECT * FROM quarantined_reading WHERE quarantine_id = ?",
				(rs, n) -> new Row(rs.getString("reason"), rs.getString("status"), rs.getString("resolution"),
						rs.getString("resolved_by"), instant(rs, "resolved_at"), rs.getString("note")),
				id);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private double resolvedCount(String action) {
		Counter counter = this.registry.find("ledger.quarantine.resolved").tag("action", action).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private HttpResponse<String> resolve(long id, String json) throws IOException, InterruptedException {
		return this.http.send(resolution(id, json), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest resolution(long id, String json) {
		return request("/api/quarantine/" + id + "/resolution", json);
	}

	private HttpRequest request(String path, String json) {
		return HttpRequest.newBuilder(uri(path))
			.header("Authorization", OperatorAuth.MONEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	/** A premise's row in {@code meter_state}, without its {@code updated_at}. */
	private record Baseline(String deviceId, int epoch, BigDecimal energyKwh, Instant observedAt, String activeTariff,
			Long ebPaisePerKwh, Long dgPaisePerKwh, LocalDate fixedChargedThrough) {
	}

	/** A quarantined reading's reason, status and audit columns. */
	private record Row(String reason, String status, String resolution, String resolvedBy, Instant resolvedAt,
			String note) {
	}

}
