package eco.qubeprepaid.balance.metering.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.Baseline;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.Billable;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.EpochChange;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.IgnoreReason;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.Ignored;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.QuarantineReason;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.Quarantined;
import eco.qubeprepaid.events.TariffKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeteringTest {

	private static final Instant T0 = Instant.parse("2025-09-07T04:00:00Z");

	private static final String DEVICE = "QUBE-ONE-5EED00000101";

	private final Metering metering = new Metering(new MeteringLimits(new BigDecimal("25"), new BigDecimal("0.05")));

	private final MeterBaseline baseline = new MeterBaseline(DEVICE, 1, new BigDecimal("1000.000"), T0, TariffKind.EB,
			500L, 800L);

	@Test
	void firstReadingOfAPremiseBecomesTheBaselineWithoutBilling() {
		ReadingAssessment assessment = this.metering.assess(null, reading(DEVICE, 1, "1234.5", 0));
		assertThat(assessment).isInstanceOfSatisfying(Baseline.class,
				(b) -> assertThat(b.next().energyKwh()).isEqualByComparingTo("1234.5"));
	}

	@Test
	void billsTheExactDifferenceOfTheRegisterWithinAnEpoch() {
		ReadingAssessment assessment = this.metering.assess(this.baseline, reading(DEVICE, 1, "1001.234", 10));
		assertThat(assessment).isInstanceOfSatisfying(Billable.class, (b) -> {
			assertThat(b.energyKwh()).isEqualByComparingTo("1.234");
			assertThat(b.change()).isEqualTo(EpochChange.NONE);
			assertThat(b.next().observedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
		});
	}

	@Test
	void ignoresOfflineSnapshotsWithTheirStaleReadings() {
		MeterReading offline = new MeterReading(UUID.randomUUID(), DEVICE, 1, false, new BigDecimal("1005"),
				T0.plusSeconds(600), TariffKind.EB, 500L, 800L);
		assertThat(this.metering.assess(this.baseline, offline)).isEqualTo(new Ignored(IgnoreReason.OFFLINE));
	}

	@Test
	void ignoresReadingsObservedAtOrBeforeTheBaseline() {
		assertThat(this.metering.assess(this.baseline, reading(DEVICE, 1, "1001", 0)))
			.isEqualTo(new Ignored(IgnoreReason.STALE));
		assertThat(this.metering.assess(this.baseline, reading(DEVICE, 1, "999", -5)))
			.isEqualTo(new Ignored(IgnoreReason.STALE));
	}

	@Test
	void billsANewDevicesFirstReadingFromZero() {
		ReadingAssessment assessment = this.metering.assess(this.baseline,
				reading("QUBE-ONE-5EED00000999", 2, "0.42", 10));
		assertThat(assessment).isInstanceOfSatisfying(Billable.class, (b) -> {
			assertThat(b.energyKwh()).isEqualByComparingTo("0.42");
			assertThat(b.change()).isEqualTo(EpochChange.REPLACEMENT);
			assertThat(b.next().deviceId()).isEqualTo("QUBE-ONE-5EED00000999");
			assertThat(b.next().epoch()).isEqualTo(2);
		});
	}

	@Test
	void billsFromZeroWhenThePollerReportsANewEpochOnTheSameDevice() {
		ReadingAssessment assessment = this.metering.assess(this.baseline, reading(DEVICE, 2, "0.3", 10));
		assertThat(assessment).isInstanceOfSatisfying(Billable.class, (b) -> {
			assertThat(b.energyKwh()).isEqualByComparingTo("0.3");
			assertThat(b.change()).isEqualTo(EpochChange.RESET_REPORTED);
		});
	}

	@Test
	void continuesTheEpochWhenThePollerStartedOneAtAGlitchThatWasQuarantined() {
		// The poller saw a glitch drop and moved to epoch 2; the register is back above
		// the baseline.
		assertThat(this.metering.assess(this.baseline, reading(DEVICE, 2, "600", 5))).isInstanceOfSatisfying(
				Quarantined.class, (q) -> assertThat(q.reason()).isEqualTo(QuarantineReason.REGISTER_DROP));
		ReadingAssessment assessment = this.metering.assess(this.baseline, reading(DEVICE, 2, "1001.5", 10));
		assertThat(assessment).isInstanceOfSatisfying(Billable.class, (b) -> {
			assertThat(b.energyKwh()).isEqualByComparingTo("1.5");
			assertThat(b.change()).isEqualTo(EpochChange.NONE);
			assertThat(b.next().epoch()).isEqualTo(2);
		});
	}

	@Test
	void treatsASmallDropOnTheSameMeterAsAResetBilledFromZero() {
		// 25 kW for 10 minutes is 4.1667 kWh (+0.05 tolerance): a register at 2 kWh is a
		// reset.
		ReadingAssessment assessment = this.metering.assess(this.baseline, reading(DEVICE, 1, "2.000", 10));
		assertThat(assessment).isInstanceOfSatisfying(Billable.class, (b) -> {
			assertThat(b.energyKwh()).isEqualByComparingTo("2.000");
			assertThat(b.change()).isEqualTo(EpochChange.RESET_DETECTED);
		});
	}

	@Test
	void quarantinesALargeDropAndKeepsTheBaseline() {
		ReadingAssessment assessment = this.metering.assess(this.baseline, reading(DEVICE, 1, "500", 10));
		assertThat(assessment).isInstanceOfSatisfying(Quarantined.class, (q) -> {
			assertThat(q.reason()).isEqualTo(QuarantineReason.REGISTER_DROP);
			assertThat(q.detail()).contains("1000.000").contains("500");
		});
		// The next good reading is still measured from the untouched baseline.
		assertThat(this.metering.assess(this.baseline, reading(DEVICE, 1, "1001", 20)))
			.isInstanceOfSatisfying(Billable.class, (b) -> assertThat(b.energyKwh()).isEqualByComparingTo("1"));
	}

	@Test
	void quarantinesAJumpBeyondTheMaximumPower() {
		// 10 minutes at 25 kW allow 4.1667 kWh plus 0.05 kWh tolerance.
		assertThat(this.metering.assess(this.baseline, reading(DEVICE, 1, "1004.216", 10)))
			.isInstanceOf(Billable.class);
		assertThat(this.metering.assess(this.baseline, reading(DEVICE, 1, "1004.218", 10))).isInstanceOfSatisfying(
				Quarantined.class, (q) -> assertThat(q.reason()).isEqualTo(QuarantineReason.IMPLAUSIBLE_JUMP));
	}

	@Test
	void quarantinesAnImplausibleFirstReadingOfANewMeter() {
		assertThat(this.metering.assess(this.baseline, reading("QUBE-ONE-5EED00000999", 2, "350", 10)))
			.isInstanceOfSatisfying(Quarantined.class,
					(q) -> assertThat(q.reason()).isEqualTo(QuarantineReason.IMPLAUSIBLE_JUMP));
	}

	@Test
	void ignoresReadingsOfAnOlderEpoch() {
		MeterBaseline epochTwo = new MeterBaseline(DEVICE, 2, new BigDecimal("5"), T0, TariffKind.EB, 500L, 800L);
		assertThat(this.metering.assess(epochTwo, reading(DEVICE, 1, "1001", 10)))
			.isEqualTo(new Ignored(IgnoreReason.OLDER_EPOCH));
	}

	@Test
	void keepsTheLastReportedRatesAndTariffWhenASnapshotOmitsThem() {
		MeterReading partial = new MeterReading(UUID.randomUUID(), DEVICE, 1, true, new BigDecimal("1000.1"),
				T0.plusSeconds(60), null, null, null);
		assertThat(this.metering.assess(this.baseline, partial)).isInstanceOfSatisfying(Billable.class, (b) -> {
			assertThat(b.next().activeTariff()).isEqualTo(TariffKind.EB);
			assertThat(b.next().ebPaisePerKwh()).isEqualTo(500L);
			assertThat(b.next().dgPaisePerKwh()).isEqualTo(800L);
		});
	}

	private static MeterReading reading(String device, int epoch, String kwh, int minutesAfterT0) {
		return new MeterReading(UUID.randomUUID(), device, epoch, true, new BigDecimal(kwh),
				T0.plus(Duration.ofMinutes(minutesAfterT0)), TariffKind.EB, 500L, 800L);
	}

	@Test
	void aReadingThatContinuesFromAnUnresolvedQuarantinedOneIsHeldHoweverLongAfter() {
		// Defect 4: a replacement meter showing 5,000 kWh is quarantined; the bound grows
		// with time, and after about 200 h the same register would have been billed
		// whole (about 40,000 rupees of invented charges) had the reading not been held.
		MeterReading replaced = reading("QUBE-ONE-5EED00000999", 2, "5000.000", 10);
		assertThat(this.metering.assess(this.baseline, replaced)).isInstanceOf(Quarantined.class);
		MeterSuspect suspect = MeterSuspect.of(replaced);
		MeterReading later = reading("QUBE-ONE-5EED00000999", 2, "5010.000", 210 * 60);
		assertThat(this.metering.assess(this.baseline, later)).as("without the hold").isInstanceOf(Billable.class);
		assertThat(this.metering.assess(this.baseline, suspect, later))
			.isEqualTo(new ReadingAssessment.Held(replaced.snapshotId()));
	}

	@Test
	void aGlitchFollowedByReadingsFromTheBaselineDoesNotHoldThem() {
		MeterReading glitch = reading(DEVICE, 1, "9000.000", 10);
		assertThat(this.metering.assess(this.baseline, glitch)).isInstanceOf(Quarantined.class);
		MeterReading back = reading(DEVICE, 1, "1002.000", 20);
		assertThat(this.metering.assess(this.baseline, MeterSuspect.of(glitch), back))
			.isInstanceOfSatisfying(Billable.class, (b) -> assertThat(b.energyKwh()).isEqualByComparingTo("2"));
	}

}
