package eco.qubeprepaid.balance.ledger.web;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.balance.BalanceIntegrationTest;
import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.BalanceWithdrawn;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.testsupport.OperatorAuth;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Moving a wallet by hand on the real broker and PostgreSQL: an operator's credit and
 * debit adjustments (audited with who and why, the same key twice moves once, a reused
 * key refused), the debit floor (refused without an override, allowed with one and
 * recorded so, a row below it without the override refused by the database), refunds and
 * their reversals for payment-service's account only, and the meter brought to every new
 * balance in the movement's transaction.
 */
class WalletMovementsIT extends BalanceIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void anOperatorsCreditAndDebitAreAuditedMovedOnceAndReachTheMeter() throws Exception {
		String premise = readPremise();
		topUp(premise, 20_000);
		try (TopicReader events = new TopicReader(Topics.BALANCE_EVENTS);
				TopicReader commands = new TopicReader(Topics.DEVICE_COMMANDS)) {
			String credit = "{\"direction\":\"credit\",\"amountPaise\":5000,\"reason\":\"goodwill: outage on 1 Dec\","
					+ "\"key\":\"goodwill-2026-12-01\",\"operator\":\"asha\"}";
			HttpResponse<String> made = post(adjustments(premise), credit);
			assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
			assertThat(made.body()).contains("\"kind\":\"adjustment-credit\"", "\"balanceAfterPaise\":25000",
					"\"requestedBy\":\"asha (ops-money)\"", "\"reason\":\"goodwill: outage on 1 Dec\"");
			assertThat(walletBalance(premise)).isEqualTo(25_000);

			HttpResponse<String> again = post(adjustments(premise), credit);
			assertThat(again.statusCode()).as("the same request again").isEqualTo(200);
			assertThat(walletBalance(premise)).isEqualTo(25_000);
			HttpResponse<String> reused = post(adjustments(premise), credit.replace("5000", "7000"));
			assertThat(reused.statusCode()).isEqualTo(409);
			assertThat(reused.body()).contains("KEY_REUSED", "goodwill-2026-12-01", "use a new key");
			assertThat(walletBalance(premise)).isEqualTo(25_000);

			HttpResponse<String> debit = post(adjustments(premise), "{\"direction\":\"debit\",\"amountPaise\":2500,"
					+ "\"reason\":\"meter read twice in November\",\"key\":\"nov-correction\"}");
			assertThat(debit.statusCode()).as(debit.body()).isEqualTo(201);
			assertThat(walletBalance(premise)).isEqualTo(22_500);

			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(events(events, premise, BalanceCredited.class))
					.filteredOn((c) -> BalanceCredited.SOURCE_ADJUSTMENT.equals(c.source()))
					.singleElement()
					.satisfies((c) -> assertThat(c.balanceAfterPaise()).isEqualTo(25_000));
				assertThat(events(events, premise, BalanceWithdrawn.class)).singleElement().satisfies((w) -> {
					assertThat(w.amountPaise()).isEqualTo(2_500);
					assertThat(w.balanceAfterPaise()).isEqualTo(22_500);
					assertThat(w.source()).isEqualTo(BalanceWithdrawn.SOURCE_ADJUSTMENT);
				});
				assertThat(balanceSets(commands, premise)).as("the meter set to each new balance")
					.contains(25_000L, 22_500L);
			});
			assertThat(get("/api/premises/" + premise + "/statement").body()).contains(
					"Credit adjustment: goodwill: outage on 1 Dec", "Debit adjustment: meter read twice in November");
			assertThat(get("/api/premises/" + premise + "/movements").body()).contains("nov-correction",
					"goodwill-2026-12-01");
		}
	}

	@Test
	void aDebitBelowTheFloorIsRefusedUnlessOverriddenAndTheDatabaseHoldsTheRule() throws Exception {
		String premise = readPremise();
		topUp(premise, 10_000);
		String tooMuch = "{\"direction\":\"debit\",\"amountPaise\":12000,\"reason\":\"arrears from the old system\","
				+ "\"key\":\"arrears\"}";
		HttpResponse<String> refused = post(adjustments(premise), tooMuch);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("BELOW_FLOOR", "a debit adjustment of ₹120.00",
				"at most ₹100.00 can be taken");
		assertThat(walletBalance(premise)).isEqualTo(10_000);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM wallet_movement WHERE premise_id = ?", Long.class,
				premise))
			.isZero();

		HttpResponse<String> overridden = post(adjustments(premise),
				tooMuch.replace("\"key\"", "\"overrideFloor\":true,\"key\""));
		assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(201);
		assertThat(overridden.body()).contains("\"belowFloor\":true", "\"balanceAfterPaise\":-2000");
		assertThat(walletBalance(premise)).isEqualTo(-2_000);

		// Without the override the database refuses such a row, whatever the code does.
		assertThatThrownBy(() -> this.jdbc
			.update("INSERT INTO wallet_movement (movement_key, premise_id, kind, amount_paise, reason, requested_by,"
					+ " floor_paise, below_floor, balance_after_paise, created_at)"
					+ " SELECT idempotency_key, premise_id, 'ADJUSTMENT_DEBIT', 1, 'test', 'test', 0, false, -1,"
					+ " now() FROM ledger_transaction WHERE premise_id = ? AND kind = 'TOP_UP'", premise))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("wallet_movement_floor_ck");
	}

	@Test
	void refundsAreForPaymentServicesAccountOnlyAndAReversalGivesBackWhatWasTaken() throws Exception {
		String premise = readPremise();
		topUp(premise, 30_000);
		String refundId = UUID.randomUUID().toString();
		String path = "/api/service/premises/" + premise + "/refunds/" + refundId;
		String body = "{\"amountPaise\":12000,\"reason\":\"tenant moved out\",\"requestedBy\":\"asha (ops-money)\"}";
		assertThat(send(path, body, OperatorAuth.MONEY).statusCode()).as("a person's money account").isEqualTo(403);
		assertThat(send(path, body, null).statusCode()).isEqualTo(401);
		assertThat(walletBalance(premise)).isEqualTo(30_000);

		try (TopicReader commands = new TopicReader(Topics.DEVICE_COMMANDS)) {
			HttpResponse<String> taken = send(path, body, OperatorAuth.PAYMENT_SERVICE);
			assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
			assertThat(taken.body()).contains("\"kind\":\"refund\"", "asha (ops-money) (svc-payment)");
			assertThat(send(path, body, OperatorAuth.PAYMENT_SERVICE).statusCode()).isEqualTo(200);
			assertThat(walletBalance(premise)).isEqualTo(18_000);
			await().atMost(WAIT).untilAsserted(() -> assertThat(balanceSets(commands, premise)).contains(18_000L));
		}

		HttpResponse<String> unknown = send(
				"/api/service/premises/" + premise + "/refunds/" + UUID.randomUUID() + "/reversal",
				"{\"amountPaise\":12000,\"reason\":\"gateway refused\"}", OperatorAuth.PAYMENT_SERVICE);
		assertThat(unknown.statusCode()).isEqualTo(409);
		assertThat(unknown.body()).contains("NO_SUCH_REFUND");
		HttpResponse<String> reversed = send(path + "/reversal",
				"{\"amountPaise\":12000,\"reason\":\"gateway refused\"}", OperatorAuth.PAYMENT_SERVICE);
		assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(201);
		assertThat(walletBalance(premise)).isEqualTo(30_000);
		assertThat(this.jdbc.queryForList(
				"SELECT kind FROM ledger_transaction WHERE premise_id = ? ORDER BY recorded_at, kind", String.class,
				premise))
			.containsSubsequence("TOP_UP", "REFUND", "REFUND_REVERSAL");
	}

	@Test
	void badRequestsAreRefusedWithWhatIsWrongAndChangeNothing() throws Exception {
		String premise = readPremise();
		topUp(premise, 1_000);
		String[][] cases = { { "{\"amountPaise\":100,\"reason\":\"x\",\"key\":\"k\"}", "direction is required" },
				{ "{\"direction\":\"sideways\",\"amountPaise\":100,\"reason\":\"x\",\"key\":\"k\"}",
						"'sideways' is not one of" },
				{ "{\"direction\":\"credit\",\"amountPaise\":0,\"reason\":\"x\",\"key\":\"k\"}", "more than zero" },
				{ "{\"direction\":\"credit\",\"amountPaise\":100,\"key\":\"k\"}", "reason is required" },
				{ "{\"direction\":\"credit\",\"amountPaise\":100,\"reason\":\"x\",\"key\":\"a b\"}",
						"key is required" },
				{ "{\"direction\":\"credit\",\"amountPaise\":100,\"reason\":\"x\"}", "key is required" } };
		for (String[] c : cases) {
			HttpResponse<String> response = post(adjustments(premise), c[0]);
			assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
			assertThat(response.body()).as(c[0]).contains(c[1]);
		}
		HttpResponse<String> nobody = post(adjustments("Nowhere.Flat-0"),
				"{\"direction\":\"credit\",\"amountPaise\":100,\"reason\":\"x\",\"key\":\"k\"}");
		assertThat(nobody.statusCode()).isEqualTo(404);
		assertThat(nobody.body()).contains("has no wallet");
		assertThat(send(adjustments(premise),
				"{\"direction\":\"credit\",\"amountPaise\":100,\"reason\":\"x\"," + "\"key\":\"k\"}",
				OperatorAuth.VIEWER)
			.statusCode()).as("read-only operator").isEqualTo(403);
		assertThat(walletBalance(premise)).isEqualTo(1_000);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM account WHERE premise_id = 'Nowhere.Flat-0'",
				Long.class))
			.as("no wallet opened for an unknown premise")
			.isZero();
	}

	/** A premise whose meter (POSTPAID, shows a balance) has been read once. */
	private String readPremise() {
		String premise = newPremise();
		Instant at = this.clock.instant().minusSeconds(30);
		publish(Topics.DEVICE_SNAPSHOTS,
				new DeviceSnapshotted(UUID.randomUUID(), at.plusSeconds(1), premise, "key-1", "QUBE-ONE-5EED00000401",
						1, true, new BigDecimal("10.000"), new BigDecimal("850"), new BigDecimal("230"), 0L, true,
						MeterMode.POSTPAID, 500L, 800L, TariffKind.EB, false, OffsetDateTime.ofInstant(at, IST), true));
		await().atMost(WAIT)
			.until(() -> this.jdbc.queryForObject("SELECT count(*) FROM premise_onboarding WHERE premise_id = ?",
					Long.class, premise) == 1);
		return premise;
	}

	private static String adjustments(String premise) {
		return "/api/premises/" + premise + "/adjustments";
	}

	private List<Long> balanceSets(TopicReader commands, String premise) {
		return events(commands, premise, DeviceCommandRequested.class).stream()
			.filter((c) -> c.command() == DeviceCommand.SET_BALANCE)
			.map(DeviceCommandRequested::balancePaise)
			.toList();
	}

	private HttpResponse<String> send(String path, String json, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
