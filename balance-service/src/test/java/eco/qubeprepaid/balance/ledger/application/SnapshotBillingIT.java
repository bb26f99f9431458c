package eco.qubeprepaid.balance.ledger.application;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import eco.qubeprepaid.balance.BalanceIntegrationTest;
import eco.qubeprepaid.balance.pricing.domain.TariffScope;
import eco.qubeprepaid.balance.pricing.persistence.TariffStore;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.TariffKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Snapshot billing in one transaction on the real database, without the broker. */
class SnapshotBillingIT extends BalanceIntegrationTest {

	private static final String OLD_DEVICE = "QUBE-ONE-5EED00000101";

	private static final String NEW_DEVICE = "QUBE-ONE-5EED00000999";

	@Autowired
	SnapshotBilling billing;

	@Autowired
	TariffStore tariffs;

	@Test
	void billsAReplacementMetersFirstReadingFromZero() {
		String premise = newPremise();
		Instant t0 = Instant.parse("2025-09-07T04:30:00Z");
		assertThat(this.billing.apply(snapshot(premise, OLD_DEVICE, 1, "4321.000", t0, TariffKind.EB)))
			.isEqualTo(SnapshotOutcome.BASELINE);
		assertThat(this.billing.apply(snapshot(premise, NEW_DEVICE, 2, "0.800", t0.plusSeconds(900), TariffKind.EB)))
			.isEqualTo(SnapshotOutcome.BILLED);
		assertThat(this.billing.apply(snapshot(premise, NEW_DEVICE, 2, "1.000", t0.plusSeconds(1800), TariffKind.EB)))
			.isEqualTo(SnapshotOutcome.BILLED);
		// 0.8 + 0.2 kWh at 500 paise/kWh.
		assertThat(walletBalance(premise)).isEqualTo(-500);
		assertThat(this.jdbc.queryForList("SELECT description FROM ledger_transaction WHERE premise_id = ?",
				String.class, premise))
			.anySatisfy((line) -> assertThat(line).contains("new meter, from 0"));
	}

	@Test
	void chargesTheFixedDailyChargeOncePerIstDay() {
		String premise = newPremise();
		this.tariffs.add(new TariffScope(premise), Instant.parse("2025-09-01T00:00:00Z"), 0, 0, 1_000);
		// 23:50 IST on 7 Sep, then 00:10 and 12:00 IST on 8 Sep, then 10 Sep (9 Sep owed
		// too).
		List<Instant> times = List.of(Instant.parse("2025-09-07T18:20:00Z"), Instant.parse("2025-09-07T18:40:00Z"),
				Instant.parse("2025-09-08T06:30:00Z"), Instant.parse("2025-09-10T06:30:00Z"));
		String[] registers = { "10.0", "10.1", "10.2", "10.3" };
		for (int i = 0; i < times.size(); i++) {
			DeviceSnapshotted snapshot = snapshot(premise, OLD_DEVICE, 1, registers[i], times.get(i), TariffKind.EB);
			this.billing.apply(snapshot);
			assertThat(this.billing.apply(snapshot)).isEqualTo(SnapshotOutcome.DUPLICATE);
		}
		assertThat(this.jdbc.queryForList(
				"SELECT idempotency_key FROM ledger_transaction WHERE premise_id = ? AND kind = 'FIXED_CHARGE'"
						+ " ORDER BY idempotency_key",
				String.class, premise))
			.containsExactly("fixed:" + premise + ":2025-09-07", "fixed:" + premise + ":2025-09-08",
					"fixed:" + premise + ":2025-09-09", "fixed:" + premise + ":2025-09-10");
		assertThat(walletBalance(premise)).isEqualTo(-4_000);
	}

	@Test
	void ignoresAnOlderSnapshotArrivingLate() {
		String premise = newPremise();
		Instant t0 = Instant.parse("2025-09-07T04:30:00Z");
		this.billing.apply(snapshot(premise, OLD_DEVICE, 1, "20.000", t0, TariffKind.EB));
		this.billing.apply(snapshot(premise, OLD_DEVICE, 1, "21.000", t0.plusSeconds(600), TariffKind.EB));
		assertThat(this.billing.apply(snapshot(premise, OLD_DEVICE, 1, "20.500", t0.plusSeconds(300), TariffKind.EB)))
			.isEqualTo(SnapshotOutcome.STALE);
		assertThat(walletBalance(premise)).isEqualTo(-500);
	}

	@Test
	void countsAppliedSnapshotsByOutcomeWithoutPremiseIds() throws Exception {
		String premise = newPremise();
		Instant t0 = Instant.parse("2025-09-07T04:30:00Z");
		this.billing.apply(snapshot(premise, OLD_DEVICE, 1, "1.000", t0, TariffKind.DG));
		this.billing.apply(snapshot(premise, OLD_DEVICE, 1, "2.000", t0.plusSeconds(600), TariffKind.DG));
		HttpResponse<String> scrape = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(scrape.body()).contains("ledger_snapshots_applied_total{")
			.contains("outcome=\"billed\"")
			.contains("outcome=\"baseline\"")
			.contains("ledger_debits_paise_count{")
			.contains("kind=\"dg\"")
			.contains("outbox_pending ")
			.doesNotContain(premise);
	}

}
