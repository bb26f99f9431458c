package eco.qubeprepaid.balance.reference;

import java.time.LocalDate;

import eco.qubeprepaid.balance.BalanceIntegrationTest;
import eco.qubeprepaid.balance.policy.persistence.PolicyStore;
import eco.qubeprepaid.balance.pricing.domain.TariffVersion;
import eco.qubeprepaid.balance.pricing.persistence.TariffStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The cached tariffs and policies follow changes made behind this instance's back (plain
 * SQL stands for another instance's operator API) at the very next look-up.
 */
class ReferenceCacheIT extends BalanceIntegrationTest {

	@Autowired
	TariffStore tariffs;

	@Autowired
	PolicyStore policies;

	@Test
	void seesATariffAddedByAnotherInstanceAtTheNextLookup() {
		String premise = newPremise();
		assertThat(this.tariffs.book(premise).versions())
			.noneMatch((version) -> version.scope().value().equals(premise));
		this.jdbc.update("INSERT INTO tariff_version (scope, effective_from, eb_paise_per_kwh, dg_paise_per_kwh,"
				+ " fixed_daily_paise) VALUES (?, now(), 611, 822, 33)", premise);
		assertThat(this.tariffs.book(premise).versions())
			.filteredOn((version) -> version.scope().value().equals(premise))
			.extracting(TariffVersion::ebPaisePerKwh, TariffVersion::dgPaisePerKwh, TariffVersion::fixedDailyPaise)
			.containsExactly(tuple(611L, 822L, 33L));
	}

	@Test
	void seesAHolidayAddedOrRemovedByAnotherInstanceAtTheNextLookup() {
		String premise = newPremise();
		LocalDate diwali = LocalDate.of(2026, 11, 8);
		assertThat(this.policies.policyFor(premise).windows().holidays()).doesNotContain(diwali);
		this.jdbc.update("INSERT INTO friendly_holiday (scope, holiday_date, name) VALUES (?, ?, 'Diwali')", premise,
				diwali);
		assertThat(this.policies.policyFor(premise).windows().holidays()).contains(diwali);
		this.jdbc.update("DELETE FROM friendly_holiday WHERE scope = ?", premise);
		assertThat(this.policies.policyFor(premise).windows().holidays()).doesNotContain(diwali);
	}

}
