package eco.qubeprepaid.balance.policy.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTest {

	private static final Instant T0 = Instant.parse("2025-09-08T05:30:00Z");

	private final Reconciliation reconciliation = new Reconciliation(100, Duration.ofMinutes(15), 5_000);

	@Test
	void expectsTheLedgerBalanceOrZeroWhenTheLedgerIsNegative() {
		Reconciliation.Outcome negative = this.reconciliation.check(Reconciliation.State.INITIAL, -700, 0, T0);
		assertThat(negative.expectedMeterBalancePaise()).isZero();
		assertThat(negative.driftPaise()).isZero();
		assertThat(negative.setBalancePaise()).isEmpty();
		Reconciliation.Outcome positive = this.reconciliation.check(Reconciliation.State.INITIAL, 700, 650, T0);
		assertThat(positive.driftPaise()).isEqualTo(-50);
		assertThat(positive.setBalancePaise()).isEmpty();
	}

	@Test
	void setsTheMeterBalanceAtMostOncePerIntervalWhenItDiffersByMoreThanTheThreshold() {
		Reconciliation.Outcome first = this.reconciliation.check(Reconciliation.State.INITIAL, 10_000, 9_800, T0);
		assertThat(first.setBalancePaise()).hasValue(10_000);
		Reconciliation.Outcome soon = this.reconciliation.check(first.next(), 9_900, 9_600,
				T0.plus(Duration.ofMinutes(14)));
		assertThat(soon.setBalancePaise()).isEmpty();
		assertThat(soon.next().lastSyncAt()).isEqualTo(T0);
		Reconciliation.Outcome later = this.reconciliation.check(soon.next(), 9_900, 9_600,
				T0.plus(Duration.ofMinutes(15)));
		assertThat(later.setBalancePaise()).hasValue(9_900);
	}

	@Test
	void reportsADriftOncePerEpisodeAndAgainAfterItResolved() {
		Reconciliation.Outcome first = this.reconciliation.check(Reconciliation.State.INITIAL, 1_000, 7_000, T0);
		assertThat(first.driftDetected()).isTrue();
		assertThat(first.driftPaise()).isEqualTo(6_000);
		Reconciliation.Outcome still = this.reconciliation.check(first.next(), 1_000, 9_000, T0.plusSeconds(60));
		assertThat(still.driftDetected()).isFalse();
		Reconciliation.Outcome resolved = this.reconciliation.check(still.next(), 1_000, 1_000, T0.plusSeconds(120));
		assertThat(resolved.driftDetected()).isFalse();
		assertThat(resolved.next().driftOpen()).isFalse();
		Reconciliation.Outcome again = this.reconciliation.check(resolved.next(), 1_000, 6_001, T0.plusSeconds(180));
		assertThat(again.driftDetected()).isTrue();
	}

	@Test
	void aDriftExactlyAtTheThresholdIsTolerated() {
		assertThat(this.reconciliation.check(Reconciliation.State.INITIAL, 0, 5_000, T0).driftDetected()).isFalse();
		assertThat(this.reconciliation.check(Reconciliation.State.INITIAL, 0, 5_001, T0).driftDetected()).isTrue();
	}

}
