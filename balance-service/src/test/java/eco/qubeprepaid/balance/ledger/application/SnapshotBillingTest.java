package eco.qubeprepaid.balance.ledger.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.balance.InMemoryBilling;
import eco.qubeprepaid.balance.ledger.domain.LedgerPosting;
import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.BalanceDebited;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.FixedChargeDebited;
import eco.qubeprepaid.events.ReadingQuarantined;
import eco.qubeprepaid.events.TopUpCaptured;
import eco.qubeprepaid.service.time.Ist;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SnapshotBilling} without a database: the production service, units of work and
 * parts over in-memory ports ({@link InMemoryBilling}). The ITs beside it prove the same
 * on PostgreSQL and Kafka; these pin the billing rules themselves, in milliseconds.
 */
class SnapshotBillingTest {

	private static final String PREMISE = "premise-1";

	private final InMemoryBilling billing = new InMemoryBilling(0);

	@Test
	void theFirstReadingOpensTheWalletWithTheMetersBalanceAndBillsNothing() {
		at("2025-10-01T11:00:30");
		SnapshotOutcome outcome = apply(
				InMemoryBilling.snapshot(PREMISE, "100.000", ist("2025-10-01T11:00"), 116_521, true));

		assertThat(outcome).isEqualTo(SnapshotOutcome.BASELINE);
		assertThat(this.billing.ledger.balances).containsEntry(PREMISE, 116_521L);
		assertThat(this.billing.ledger.postings).extracting(LedgerPosting::kind)
			.containsExactly(LedgerPosting.Kind.OPENING_BALANCE);
		assertThat(this.billing.published(BalanceCredited.class)).singleElement()
			.satisfies((credited) -> assertThat(credited.amountPaise()).isEqualTo(116_521));
		assertThat(this.billing.ledger.onboarding(PREMISE)).isPresent();
		assertThat(this.billing.published(BalanceDebited.class)).isEmpty();
	}

	@Test
	void billsTheIntervalsEnergyAtTheMetersRateAndTellsThePolicyInTheSameUnit() {
		at("2025-10-01T11:15:30");
		apply(InMemoryBilling.snapshot(PREMISE, "100.000", ist("2025-10-01T11:00"), 10_000, true));
		SnapshotOutcome outcome = apply(
				InMemoryBilling.snapshot(PREMISE, "101.500", ist("2025-10-01T11:15"), 10_000, true));

		// 1.5 kWh at the meter's 500 paise/kWh.
		assertThat(outcome).isEqualTo(SnapshotOutcome.BILLED);
		assertThat(this.billing.ledger.balances).containsEntry(PREMISE, 10_000L - 750);
		assertThat(this.billing.published(BalanceDebited.class)).singleElement().satisfies((debited) -> {
			assertThat(debited.amountPaise()).isEqualTo(750);
			assertThat(debited.balanceAfterPaise()).isEqualTo(9_250);
		});
		assertThat(this.billing.metering.intervals).singleElement()
			.satisfies((interval) -> assertThat(interval.amountPaise()).isEqualTo(750));
		assertThat(this.billing.notifications).hasSize(2)
			.allSatisfy((notification) -> assertThat(notification).isInstanceOf(SnapshotApplied.class));
		assertThat(((SnapshotApplied) this.billing.notifications.get(1)).outcome()).isEqualTo(SnapshotOutcome.BILLED);
	}

	@Test
	void aSnapshotDeliveredTwiceIsBilledOnce() {
		at("2025-10-01T11:15:30");
		apply(InMemoryBilling.snapshot(PREMISE, "100.000", ist("2025-10-01T11:00"), 10_000, true));
		DeviceSnapshotted second = InMemoryBilling.snapshot(PREMISE, "101.000", ist("2025-10-01T11:15"), 10_000, true);

		List<SnapshotOutcome> outcomes = this.billing.billing.apply(List.of(second, second));
		SnapshotOutcome again = apply(second);

		assertThat(outcomes).containsExactly(SnapshotOutcome.BILLED, SnapshotOutcome.DUPLICATE);
		assertThat(again).isEqualTo(SnapshotOutcome.DUPLICATE);
		assertThat(this.billing.ledger.balances).containsEntry(PREMISE, 10_000L - 500);
		assertThat(this.billing.published(BalanceDebited.class)).hasSize(1);
	}

	@Test
	void anImplausibleJumpIsQuarantinedUnbilledAndTheReadingsThatContinueFromItAreHeld() {
		at("2025-10-01T11:30:30");
		apply(InMemoryBilling.snapshot(PREMISE, "100.000", ist("2025-10-01T11:00"), 10_000, true));
		// 100 kWh in 15 minutes is 400 kW, far above the 25 kW bound.
		SnapshotOutcome jump = apply(
				InMemoryBilling.snapshot(PREMISE, "200.000", ist("2025-10-01T11:15"), 10_000, true));
		SnapshotOutcome next = apply(
				InMemoryBilling.snapshot(PREMISE, "200.500", ist("2025-10-01T11:30"), 10_000, true));

		assertThat(jump).isEqualTo(SnapshotOutcome.QUARANTINED);
		assertThat(next).isEqualTo(SnapshotOutcome.HELD);
		assertThat(this.billing.ledger.balances).containsEntry(PREMISE, 10_000L);
		assertThat(this.billing.metering.quarantined).hasSize(1);
		assertThat(this.billing.metering.held).hasSize(1);
		assertThat(this.billing.published(ReadingQuarantined.class)).hasSize(1);
		assertThat(this.billing.published(BalanceDebited.class)).isEmpty();
	}

	@Test
	void chargesTheFixedDailyChargeOncePerIstDayFromTheFirstReading() {
		InMemoryBilling fixed = new InMemoryBilling(1_000);
		fixed.clock.set(ist("2025-10-04T12:00:30"));
		fixed.billing.apply(InMemoryBilling.snapshot(PREMISE, "100.000", ist("2025-10-01T12:00"), 10_000, true));
		fixed.billing.apply(InMemoryBilling.snapshot(PREMISE, "100.000", ist("2025-10-01T23:59"), 10_000, true));
		// 00:01 IST on the 2nd is still the 1st in UTC: the day is India's.
		fixed.billing.apply(InMemoryBilling.snapshot(PREMISE, "100.000", ist("2025-10-02T00:01"), 10_000, true));
		fixed.billing.apply(InMemoryBilling.snapshot(PREMISE, "100.000", ist("2025-10-04T12:00"), 10_000, true));

		assertThat(fixed.published(FixedChargeDebited.class)).extracting(FixedChargeDebited::chargeDate)
			.containsExactly(LocalDate.parse("2025-10-01"), LocalDate.parse("2025-10-02"),
					LocalDate.parse("2025-10-03"), LocalDate.parse("2025-10-04"));
		assertThat(fixed.ledger.balances).containsEntry(PREMISE, 10_000L - 4_000);
	}

	@Test
	void aReadingStampedFarAheadOfTheClockIsIgnored() {
		at("2025-10-01T11:00:00");
		SnapshotOutcome outcome = apply(
				InMemoryBilling.snapshot(PREMISE, "100.000", ist("2025-10-01T11:10"), 10_000, true));

		assertThat(outcome).isEqualTo(SnapshotOutcome.FUTURE);
		assertThat(this.billing.ledger.postings).isEmpty();
		assertThat(this.billing.metering.states).isEmpty();
		assertThat(this.billing.outbox).isEmpty();
	}

	@Test
	void aTopUpIsCreditedOncePerPaymentWhateverItsEventIds() {
		at("2025-10-01T11:00:00");
		TopUpCaptured captured = topUp("pay_1", 50_000);
		TopUpOutcome first = this.billing.topUps.apply(captured);
		TopUpOutcome sameEvent = this.billing.topUps.apply(captured);
		TopUpOutcome samePayment = this.billing.topUps.apply(topUp("pay_1", 50_000));

		assertThat(first).isEqualTo(TopUpOutcome.CREDITED);
		assertThat(sameEvent).isEqualTo(TopUpOutcome.DUPLICATE);
		assertThat(samePayment).isEqualTo(TopUpOutcome.DUPLICATE);
		assertThat(this.billing.ledger.balances).containsEntry(PREMISE, 50_000L);
		assertThat(this.billing.notifications).singleElement().isInstanceOf(WalletCredited.class);
	}

	private TopUpCaptured topUp(String paymentId, long paise) {
		return new TopUpCaptured(UUID.randomUUID(), this.billing.clock.instant(), PREMISE, paymentId, paise, "razorpay",
				this.billing.clock.instant());
	}

	private SnapshotOutcome apply(DeviceSnapshotted snapshot) {
		return this.billing.billing.apply(snapshot);
	}

	private void at(String local) {
		this.billing.clock.set(ist(local));
	}

	private static Instant ist(String local) {
		return LocalDateTime.parse(local).atZone(Ist.ZONE).toInstant();
	}

}
