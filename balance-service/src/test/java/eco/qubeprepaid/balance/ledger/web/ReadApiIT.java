package eco.qubeprepaid.balance.ledger.web;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import eco.qubeprepaid.balance.BalanceIntegrationTest;
import eco.qubeprepaid.balance.ledger.application.SnapshotBilling;
import eco.qubeprepaid.balance.ledger.application.TopUpCrediting;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.events.TopUpCaptured;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over real HTTP on the real database. */
class ReadApiIT extends BalanceIntegrationTest {

	private static final Instant T0 = Instant.parse("2025-09-07T04:30:00Z");

	private static final String DEVICE = "QUBE-ONE-5EED00000101";

	@Autowired
	SnapshotBilling snapshots;

	@Autowired
	TopUpCrediting topUps;

	@Test
	void answers404ForAnUnknownPremiseAnd400ForABadDate() throws Exception {
		HttpResponse<String> unknown = get("/api/premises/nobody-" + UUID.randomUUID() + "/balance");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("unknown premise");
		String premise = fundedPremise();
		HttpResponse<String> bad = get("/api/premises/" + premise + "/statement?from=yesterday");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("from must be an ISO date such as 2025-09-01, was 'yesterday'");
		HttpResponse<String> reversed = get("/api/premises/" + premise + "/usage/daily?from=2025-09-08&to=2025-09-01");
		assertThat(reversed.statusCode()).isEqualTo(400);
		assertThat(reversed.body()).contains("from (2025-09-08) must not be after to (2025-09-01)");
	}

	@Test
	void showsBalanceStatementAndDailyUsageWithTheEbDgSplit() throws Exception {
		String premise = fundedPremise();
		// 23:55 IST on 7 Sep: 1 kWh EB; then DG from 00:05 IST on 8 Sep: 0.5 kWh.
		Instant evening = Instant.parse("2025-09-07T18:15:00Z");
		this.snapshots.apply(snapshot(premise, DEVICE, 1, "10.000", evening, TariffKind.EB));
		this.snapshots.apply(snapshot(premise, DEVICE, 1, "11.000", evening.plusSeconds(600), TariffKind.DG));
		this.snapshots.apply(snapshot(premise, DEVICE, 1, "11.500", evening.plusSeconds(1200), TariffKind.DG));

		HttpResponse<String> balance = get("/api/premises/" + premise + "/balance");
		assertThat(balance.statusCode()).isEqualTo(200);
		// 10,000 paise credited, 500 (EB) and 400 (DG) debited.
		assertThat(balance.body()).contains("\"balancePaise\":9100").contains("\"balance\":\"₹91.00\"");

		HttpResponse<String> statement = get("/api/premises/" + premise + "/statement?from=2025-09-01&to=2025-09-08");
		assertThat(statement.statusCode()).isEqualTo(200);
		assertThat(statement.body()).containsSubsequence("\"amountPaise\":-400", "\"balanceAfterPaise\":9100",
				"\"amountPaise\":-500", "\"balanceAfterPaise\":9500", "\"amountPaise\":10000",
				"\"balanceAfterPaise\":10000");

		HttpResponse<String> usage = get("/api/premises/" + premise + "/usage/daily?from=2025-09-07&to=2025-09-08");
		assertThat(usage.statusCode()).isEqualTo(200);
		assertThat(usage.body()).containsSubsequence("\"date\":\"2025-09-07\"", "\"ebEnergyWh\":1000",
				"\"ebPaise\":500", "\"date\":\"2025-09-08\"", "\"dgEnergyWh\":500", "\"dgPaise\":400");
	}

	@Test
	void pricesAtAnOperatorTariffVersionFromItsEffectiveTime() throws Exception {
		String premise = fundedPremise();
		HttpResponse<String> put = put("/api/premises/" + premise + "/tariffs",
				"{\"effectiveFrom\":\"2025-09-01T00:00:00Z\",\"ebPaisePerKwh\":700,\"dgPaisePerKwh\":1200}");
		assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
		assertThat(put.body()).contains("\"scope\":\"" + premise + "\"").contains("\"ebPaisePerKwh\":700");
		this.snapshots.apply(snapshot(premise, DEVICE, 1, "1.000", T0, TariffKind.EB));
		this.snapshots.apply(snapshot(premise, DEVICE, 1, "2.000", T0.plusSeconds(600), TariffKind.EB));
		assertThat(walletBalance(premise)).isEqualTo(10_000 - 700);
		assertThat(this.jdbc.queryForObject("SELECT pricing_source FROM consumption WHERE premise_id = ?", String.class,
				premise))
			.isEqualTo("CONFIGURED");

		HttpResponse<String> badScope = put("/api/premises/Building-*.x/tariffs",
				"{\"effectiveFrom\":\"2025-09-01T00:00:00Z\",\"ebPaisePerKwh\":700,\"dgPaisePerKwh\":1200}");
		assertThat(badScope.statusCode()).isEqualTo(400);
		assertThat(badScope.body()).contains("may contain '*' only as its last character");
	}

	@Test
	void listsOpenQuarantinedReadings() throws Exception {
		String premise = fundedPremise();
		this.snapshots.apply(snapshot(premise, DEVICE, 1, "100.000", T0, TariffKind.EB));
		this.snapshots.apply(snapshot(premise, DEVICE, 1, "900.000", T0.plusSeconds(600), TariffKind.EB));
		HttpResponse<String> quarantine = get("/api/quarantine");
		assertThat(quarantine.statusCode()).isEqualTo(200);
		assertThat(quarantine.body()).contains(premise).contains("implausible-jump");
		assertThat(walletBalance(premise)).isEqualTo(10_000);
	}

	private String fundedPremise() {
		String premise = newPremise();
		this.topUps.apply(new TopUpCaptured(UUID.randomUUID(), T0.minusSeconds(86_400), premise,
				"pay_" + UUID.randomUUID(), 10_000, "sandbox-pay", T0.minusSeconds(86_400)));
		return premise;
	}

}
