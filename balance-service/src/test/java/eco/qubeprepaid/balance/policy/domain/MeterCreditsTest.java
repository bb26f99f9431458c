package eco.qubeprepaid.balance.policy.domain;

import java.time.Instant;
import java.util.UUID;

import eco.qubeprepaid.balance.policy.domain.MeterCredits.Deduction;
import eco.qubeprepaid.balance.policy.domain.MeterCredits.Reading;
import eco.qubeprepaid.balance.policy.domain.PolicyState.MeterReference;
import eco.qubeprepaid.balance.policy.domain.TrackedCommand.Status;
import eco.qubeprepaid.events.DeviceCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeterCreditsTest {

	private static final Instant T0 = Instant.parse("2025-09-08T05:30:00Z");

	private final MeterCredits credits = new MeterCredits(100);

	private static PolicyState referencedAt(long balance) {
		return PolicyState.INITIAL.withMeterReference(new MeterReference(balance, T0, false));
	}

	@Test
	void theFirstReadingOnlyBecomesTheReference() {
		MeterCredits.Found found = this.credits.compare(PolicyState.INITIAL, new Reading(116_521, T0),
				Deduction.none(T0));
		assertThat(found.creditPaise()).isZero();
		assertThat(found.next().meterReference()).isEqualTo(new MeterReference(116_521, T0, false));
	}

	@Test
	void aRiseOfAMeterThatDoesNotDeductIsCreditFromOutside() {
		MeterCredits.Found found = this.credits.compare(referencedAt(10_000), new Reading(15_000, T0.plusSeconds(60)),
				Deduction.none(T0));
		assertThat(found.creditPaise()).isEqualTo(5_000);
		assertThat(found.next().meterReference().balancePaise()).isEqualTo(15_000);
	}

	@Test
	void aPrepaidMeterRechargedWhileItDeductedIsCreditedTheRechargeWhole() {
		// 10,000 at T0, 300 deducted over the interval, 5,000 recharged: shows 14,700.
		MeterCredits.Found found = this.credits.compare(referencedAt(10_000), new Reading(14_700, T0.plusSeconds(60)),
				new Deduction(300, T0));
		assertThat(found.creditPaise()).isEqualTo(5_000);
	}

	@Test
	void anOrdinaryDeductionAndRoundingAreNoCredit() {
		assertThat(this.credits
			.compare(referencedAt(10_000), new Reading(9_701, T0.plusSeconds(60)), new Deduction(300, T0))
			.creditPaise()).isZero();
		// A meter that ran dry mid-interval deducted less than the interval's energy.
		assertThat(this.credits.compare(referencedAt(100), new Reading(0, T0.plusSeconds(60)), new Deduction(500, T0))
			.creditPaise()).isZero();
	}

	@Test
	void nothingIsComparedWhileABalanceSetWaitsForItsOutcome() {
		PolicyState waiting = referencedAt(0).withBalanceCommand(new TrackedCommand(UUID.randomUUID(),
				DeviceCommand.SET_BALANCE, 50_000L, Status.REQUESTED, T0, null, null));
		MeterCredits.Found found = this.credits.compare(waiting, new Reading(50_000, T0.plusSeconds(60)),
				Deduction.none(T0));
		assertThat(found.creditPaise()).isZero();
		assertThat(found.next().meterReference()).isEqualTo(waiting.meterReference());
	}

	@Test
	void aSetsReadBackIsTheReferenceAndAReadingTakenBeforeItIsIgnored() {
		PolicyState readBack = PolicyState.INITIAL
			.withMeterReference(new MeterReference(50_000, T0.plusSeconds(60), true));
		assertThat(this.credits.compare(readBack, new Reading(0, T0.plusSeconds(30)), Deduction.none(T0)).next())
			.isEqualTo(readBack);
		// The interval straddling the set: its deduction is not known, none is assumed,
		// so a reading just below the set is no credit and never an invented one.
		assertThat(this.credits.compare(readBack, new Reading(49_900, T0.plusSeconds(90)), new Deduction(400, T0))
			.creditPaise()).isZero();
		assertThat(this.credits.compare(readBack, new Reading(60_000, T0.plusSeconds(90)), new Deduction(400, T0))
			.creditPaise()).isEqualTo(10_000);
	}

	@Test
	void refusesAMinimumBelowOnePaisa() {
		assertThatThrownBy(() -> new MeterCredits(0)).hasMessageContaining("at least 1 paisa");
	}

}
