package eco.qubeprepaid.payment.portal;

import java.util.List;
import java.util.OptionalLong;

import eco.qubeprepaid.payment.portal.domain.DaysLeft;
import eco.qubeprepaid.payment.portal.domain.Supply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DaysLeftTest {

	@Test
	void theBalanceIsDividedByTheMeanDailyChargeSinceTheFirstDayWithUse() {
		assertThat(DaysLeft.of(70_000, List.of(1000L, 1000L, 1000L, 1000L, 1000L, 1000L, 1000L)))
			.isEqualTo(OptionalLong.of(70));
		// Moved in three days ago: averaged over three days, not seven.
		assertThat(DaysLeft.of(30_000, List.of(0L, 0L, 0L, 0L, 1000L, 1000L, 1000L))).isEqualTo(OptionalLong.of(30));
		// A day without use after the first counts.
		assertThat(DaysLeft.of(30_000, List.of(0L, 0L, 0L, 0L, 2000L, 0L, 1000L))).isEqualTo(OptionalLong.of(30));
		assertThat(DaysLeft.of(-500, List.of(1000L))).isEqualTo(OptionalLong.of(0));
		assertThat(DaysLeft.of(30_000, List.of(0L, 0L))).isEmpty();
	}

	@Test
	void theSupplyIsOffLowOrOnFromTheRelayAndTheDaysLeft() {
		assertThat(DaysLeft.supply(null, 100, OptionalLong.empty())).isEqualTo(Supply.UNKNOWN);
		assertThat(DaysLeft.supply(false, 100_000, OptionalLong.of(90))).isEqualTo(Supply.OFF);
		assertThat(DaysLeft.supply(true, 100_000, OptionalLong.of(2))).isEqualTo(Supply.LOW);
		assertThat(DaysLeft.supply(true, 0, OptionalLong.empty())).isEqualTo(Supply.LOW);
		assertThat(DaysLeft.supply(true, 100_000, OptionalLong.of(3))).isEqualTo(Supply.ON);
	}

}
