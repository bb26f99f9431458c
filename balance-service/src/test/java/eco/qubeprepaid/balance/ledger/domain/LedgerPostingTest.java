package eco.qubeprepaid.balance.ledger.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import eco.qubeprepaid.events.TariffKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerPostingTest {

	private static final Instant NOW = Instant.parse("2025-09-07T04:00:00Z");

	private static final String PREMISE = "Building-A.Floor-1.Room-101";

	@Test
	void energyDebitsTheWalletAndCreditsTheSuppliesRevenue() {
		LedgerPosting posting = LedgerPosting.energy(PREMISE, "e1", TariffKind.DG, 125, "DG energy", NOW);
		assertThat(posting.idempotencyKey()).isEqualTo("snapshot:e1");
		assertThat(posting.entries()).containsExactly(new LedgerPosting.Entry("wallet:" + PREMISE, 125),
				new LedgerPosting.Entry(Accounts.REVENUE_DG, -125));
	}

	@Test
	void topUpCreditsTheWalletFromPaymentsClearingKeyedByPaymentId() {
		LedgerPosting posting = LedgerPosting.topUp(PREMISE, "pay_Q1", 50000, NOW);
		assertThat(posting.idempotencyKey()).isEqualTo("topup:pay_Q1");
		assertThat(posting.entries()).containsExactly(new LedgerPosting.Entry(Accounts.PAYMENTS_CLEARING, 50000),
				new LedgerPosting.Entry("wallet:" + PREMISE, -50000));
	}

	@Test
	void fixedChargeIsKeyedByPremiseAndIstDay() {
		assertThat(LedgerPosting.fixedCharge(PREMISE, LocalDate.of(2025, 9, 7), 1000, NOW).idempotencyKey())
			.isEqualTo("fixed:" + PREMISE + ":2025-09-07");
	}

	@Test
	void refusesAnUnbalancedOrEmptyTransaction() {
		assertThatThrownBy(() -> new LedgerPosting("k", PREMISE, LedgerPosting.Kind.ADJUSTMENT, "x", NOW,
				List.of(new LedgerPosting.Entry("a", 10), new LedgerPosting.Entry("b", -9))))
			.hasMessageContaining("unbalanced");
		assertThatThrownBy(() -> new LedgerPosting("k", PREMISE, LedgerPosting.Kind.ADJUSTMENT, "x", NOW,
				List.of(new LedgerPosting.Entry("a", 10))))
			.hasMessageContaining("at least two");
		assertThatThrownBy(() -> LedgerPosting.topUp(PREMISE, "p", 0, NOW)).hasMessageContaining("more than zero");
	}

}
