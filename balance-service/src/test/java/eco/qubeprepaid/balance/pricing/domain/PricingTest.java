package eco.qubeprepaid.balance.pricing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import eco.qubeprepaid.events.TariffKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricingTest {

	private static final Instant T0 = Instant.parse("2025-09-01T00:00:00Z");

	private static final String PREMISE = "Building-A.Floor-1.Room-101";

	@Test
	void carriesTheSubPaisaRemainderFromOneDebitToTheNext() {
		// 333 Wh at 500 paise/kWh is 166.5 paise: three such intervals cost floor(499.5)
		// = 499.
		SegmentTotals totals = SegmentTotals.EMPTY;
		long[] debits = new long[3];
		for (int i = 0; i < 3; i++) {
			SegmentTotals.Charge charge = totals.add(333_000, 500);
			debits[i] = charge.debitPaise();
			totals = charge.after();
		}
		assertThat(debits).containsExactly(166, 167, 166);
		assertThat(totals).isEqualTo(new SegmentTotals(999_000, 499));
	}

	@Test
	void chargesNothingForEnergyWorthLessThanAPaisaUntilItAddsUp() {
		SegmentTotals.Charge first = SegmentTotals.EMPTY.add(1_500, 500);
		assertThat(first.debitPaise()).isZero();
		SegmentTotals.Charge second = first.after().add(500, 500);
		assertThat(second.debitPaise()).isEqualTo(1);
	}

	@Test
	void refusesInconsistentSegmentTotals() {
		assertThatThrownBy(() -> new SegmentTotals(1_000_000, 7).add(1, 500)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void convertsKwhToMilliWattHoursExactlyOrRefuses() {
		assertThat(Energy.toMilliWattHours(new BigDecimal("1.234567"))).isEqualTo(1_234_567);
		assertThat(Energy.toMilliWattHours(new BigDecimal("2.50"))).isEqualTo(2_500_000);
		assertThat(Energy.toKwh(1_234_567)).isEqualByComparingTo("1.234567");
		assertThat(Energy.toWh(10_000_000)).hasToString("10000");
		assertThat(Energy.toKwh(10_000_000)).hasToString("10");
		assertThatThrownBy(() -> Energy.toMilliWattHours(new BigDecimal("0.0000001")))
			.hasMessageContaining("more than 6 decimals");
	}

	@Test
	void picksTheMostSpecificScopeThenTheLatestVersionInForce() {
		TariffVersion property = version(1, "*", T0, 400);
		TariffVersion building = version(2, "Building-A.*", T0.plusSeconds(3600), 450);
		TariffVersion premise = version(3, PREMISE, T0.plusSeconds(7200), 500);
		TariffVersion premiseLater = version(4, PREMISE, T0.plusSeconds(10800), 550);
		TariffBook book = new TariffBook(List.of(property, building, premise, premiseLater));

		assertThat(book.inForce(PREMISE, T0.minusSeconds(1))).isEmpty();
		assertThat(book.inForce(PREMISE, T0)).contains(property);
		assertThat(book.inForce(PREMISE, T0.plusSeconds(3600))).contains(building);
		assertThat(book.inForce(PREMISE, T0.plusSeconds(9000))).contains(premise);
		assertThat(book.inForce(PREMISE, T0.plusSeconds(20000))).contains(premiseLater);
		assertThat(book.inForce("Building-B.Floor-1.Room-1", T0.plusSeconds(20000))).contains(property);
	}

	@Test
	void refusesAStarAnywhereButAtTheEndOfAScope() {
		assertThatThrownBy(() -> new TariffScope("Building-*.Floor-1")).hasMessageContaining("only as its last");
	}

	@Test
	void pricesAtTheConfiguredVersionElseAtTheMetersRate() {
		TariffVersion v = version(7, "*", T0, 600);
		assertThat(PricedTariff.choose(TariffKind.DG, Optional.of(v), 800L))
			.contains(new PricedTariff(TariffKind.DG, 900, 7, PricedTariff.Source.CONFIGURED));
		assertThat(PricedTariff.choose(TariffKind.DG, Optional.empty(), 800L))
			.contains(new PricedTariff(TariffKind.DG, 800, 0, PricedTariff.Source.METER));
		assertThat(PricedTariff.choose(TariffKind.EB, Optional.empty(), null)).isEmpty();
	}

	@Test
	void owesTheFixedChargeForEveryDaySinceTheLastOneCharged() {
		LocalDate today = LocalDate.of(2025, 9, 7);
		assertThat(FixedDailyCharges.owed(null, today)).containsExactly(today);
		assertThat(FixedDailyCharges.owed(today, today)).isEmpty();
		assertThat(FixedDailyCharges.owed(LocalDate.of(2025, 9, 4), today)).containsExactly(LocalDate.of(2025, 9, 5),
				LocalDate.of(2025, 9, 6), today);
		assertThat(FixedDailyCharges.owed(LocalDate.of(2020, 1, 1), today))
			.hasSize(FixedDailyCharges.MAX_DAYS_PER_READING)
			.endsWith(today);
	}

	private static TariffVersion version(long id, String scope, Instant from, long eb) {
		return new TariffVersion(id, new TariffScope(scope), from, eb, eb + 300, 0);
	}

}
