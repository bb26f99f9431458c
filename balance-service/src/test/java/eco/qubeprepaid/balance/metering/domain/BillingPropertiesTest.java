package eco.qubeprepaid.balance.metering.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eco.qubeprepaid.balance.pricing.domain.Energy;
import eco.qubeprepaid.balance.pricing.domain.PricedTariff;
import eco.qubeprepaid.balance.pricing.domain.SegmentTotals;
import eco.qubeprepaid.balance.pricing.domain.TariffBook;
import eco.qubeprepaid.balance.pricing.domain.TariffScope;
import eco.qubeprepaid.balance.pricing.domain.TariffVersion;
import eco.qubeprepaid.events.TariffKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random reading sequences with consumption, register resets (reported by the poller and
 * detected here), meter replacements, EB/DG switches, meter rate changes, operator tariff
 * versions, offline and repeated snapshots and implausible glitches. The expected figures
 * come from the generator's own ground truth, independent of the code under test: every
 * true interval's energy is billed once, in the segment of the tariff in force at its
 * start, and every segment is charged exactly floor(Wh × rate ÷ 1000).
 */
class BillingPropertiesTest {

	private static final String PREMISE = "Building-A.Floor-1.Room-101";

	private static final long[] RATES = { 500, 800, 650, 733, 1, 0 };

	private static final MeteringLimits LIMITS = new MeteringLimits(new BigDecimal("25"), new BigDecimal("0.05"));

	@Property(tries = 400)
	void randomReadingSequencesNeverLoseOrInventAPaisa(@ForAll("scenarios") List<Step> steps) {
		Simulation simulation = new Simulation();
		steps.forEach(simulation::step);

		assertThat(simulation.billedMwh).as("billed energy equals true consumption").isEqualTo(simulation.trueMwh);
		assertThat(simulation.debits.keySet()).isEqualTo(simulation.trueSegmentMwh.keySet());
		simulation.trueSegmentMwh
			.forEach((segment, mwh) -> assertThat(simulation.debits.get(segment)).as("debits of %s", segment)
				.isEqualTo(Math.floorDiv(mwh * segment.rate(), 1_000_000L)));
		assertThat(simulation.quarantined).as("every glitch quarantined").isEqualTo(simulation.glitches);
	}

	@Property(tries = 400)
	void debitsOfASegmentAlwaysTotalTheFlooredChargeOfItsEnergy(
			@ForAll @Size(min = 1, max = 50) List<@IntRange(min = 0, max = 5_000_000) Integer> intervalsMwh,
			@ForAll @IntRange(min = 0, max = 5_000) int ratePaisePerKwh) {
		SegmentTotals totals = SegmentTotals.EMPTY;
		long debits = 0;
		long energy = 0;
		for (int mwh : intervalsMwh) {
			SegmentTotals.Charge charge = totals.add(mwh, ratePaisePerKwh);
			assertThat(charge.debitPaise()).isNotNegative();
			debits += charge.debitPaise();
			energy += mwh;
			totals = charge.after();
		}
		assertThat(debits).isEqualTo(energy * ratePaisePerKwh / 1_000_000L).isEqualTo(totals.chargedPaise());
	}

	@Provide
	Arbitrary<List<Step>> scenarios() {
		return Combinators
			.combine(Arbitraries.integers().between(1, 90), Arbitraries.integers().between(0, 1000),
					Arbitraries.integers().between(0, 99), Arbitraries.of(TariffKind.class),
					Arbitraries.integers().between(0, RATES.length - 1))
			.as(Step::new)
			.list()
			.ofMinSize(1)
			.ofMaxSize(80);
	}

	/**
	 * One step of a scenario.
	 *
	 * @param minutes time since the previous good reading
	 * @param loadPermille how hard the premise draws, in thousandths of 24 kW
	 * @param event what else happens (see {@link Simulation#step})
	 * @param supply the supply in force at the new reading
	 * @param rateIndex which rates the meter reports (or a new version sets)
	 */
	record Step(int minutes, int loadPermille, int event, TariffKind supply, int rateIndex) {
	}

	record Segment(TariffKind kind, long rate, long versionId) {
	}

	/** The ground truth and the code under test, side by side. */
	static final class Simulation {

		final Metering metering = new Metering(LIMITS);

		final List<TariffVersion> versions = new ArrayList<>();

		final Map<Segment, SegmentTotals> totals = new HashMap<>();

		final Map<Segment, Long> debits = new HashMap<>();

		final Map<Segment, Long> trueSegmentMwh = new HashMap<>();

		long billedMwh;

		long trueMwh;

		int glitches;

		int quarantined;

		// The true meter.
		Instant time = Instant.parse("2025-09-01T00:00:00Z");

		BigDecimal register = new BigDecimal("1234.567");

		int device = 1;

		int epoch = 1;

		TariffKind supply = TariffKind.EB;

		long eb = 500;

		long dg = 800;

		// What the code under test remembers.
		MeterBaseline baseline;

		Simulation() {
			ReadingAssessment first = this.metering.assess(null, reading(this.time, this.register, true));
			assertThat(first).isInstanceOf(ReadingAssessment.Baseline.class);
			this.baseline = ((ReadingAssessment.Baseline) first).next();
		}

		/**
		 * Events: 0-59 plain consumption, 60-69 a reset the poller reports (new epoch),
		 * 70-77 a replacement (new device and epoch), 78-85 a register drop to a reset
		 * value, with or without a new epoch, 86-91 a glitch (a jump, or a drop that also
		 * makes the poller start an epoch) before the reading, 92-96 an offline and a
		 * repeated snapshot before it, 97-99 an operator tariff version from the previous
		 * reading on.
		 */
		void step(Step step) {
			Instant start = this.time;
			Instant next = start.plus(Duration.ofMinutes(step.minutes()));
			BigDecimal delta = BigDecimal.valueOf((long) step.loadPermille() * step.minutes() * 2 / 5, 3);
			int event = step.event();
			if (event >= 86 && event <= 91) {
				glitch(start, event % 2 == 0);
			}
			else if (event >= 92 && event <= 96) {
				expectIgnored(reading(start.plusSeconds(10), this.register.add(BigDecimal.TEN), false));
				expectIgnored(reading(start, this.register, true));
			}
			else if (event >= 97) {
				String scope = (event == 99) ? TariffScope.EVERYTHING : PREMISE;
				this.versions.add(new TariffVersion(this.versions.size() + 1, new TariffScope(scope), start,
						RATES[step.rateIndex()], RATES[(step.rateIndex() + 1) % RATES.length], 0));
			}
			// The truth: this interval's energy belongs to the tariff in force at its
			// start.
			Segment truthSegment = trueSegment(start);
			BigDecimal boundForDrop = LIMITS.maxEnergyKwh(Duration.between(start, next));
			if (event >= 60 && event <= 69 && this.register.compareTo(delta) > 0) {
				// The poller starts an epoch when it sees the register drop; a reset
				// whose
				// new value is not below the old one looks like consumption to anyone.
				this.epoch++;
				this.register = delta;
			}
			else if (event >= 70 && event <= 77) {
				this.device++;
				this.epoch++;
				this.register = delta;
			}
			else if (event >= 78 && event <= 85 && this.register.compareTo(boundForDrop) > 0) {
				// A reset: the poller reports it with a new epoch, or (odd events) does
				// not.
				this.epoch += (event % 2 == 0) ? 1 : 0;
				this.register = delta;
			}
			else {
				this.register = this.register.add(delta);
			}
			this.time = next;
			this.supply = step.supply();
			this.eb = RATES[step.rateIndex()];
			this.dg = RATES[(step.rateIndex() + 2) % RATES.length];
			long deltaMwh = Energy.toMilliWattHours(delta);
			this.trueMwh += deltaMwh;
			this.trueSegmentMwh.merge(truthSegment, deltaMwh, Long::sum);
			bill(reading(next, this.register, true), deltaMwh);
		}

		private void glitch(Instant start, boolean drop) {
			Instant at = start.plusSeconds(30);
			BigDecimal bound = LIMITS.maxEnergyKwh(Duration.between(start, at));
			BigDecimal value = this.register.add(bound).add(BigDecimal.ONE);
			if (drop && this.register.compareTo(bound.add(BigDecimal.ONE)) > 0) {
				value = this.register.add(bound).divide(BigDecimal.valueOf(2), 3, RoundingMode.DOWN);
				// The poller starts a new epoch at every drop it sees, glitches included.
				this.epoch++;
			}
			this.glitches++;
			ReadingAssessment assessment = this.metering.assess(this.baseline, reading(at, value, true));
			assertThat(assessment).isInstanceOf(ReadingAssessment.Quarantined.class);
			this.quarantined++;
		}

		private void expectIgnored(MeterReading reading) {
			assertThat(this.metering.assess(this.baseline, reading)).isInstanceOf(ReadingAssessment.Ignored.class);
		}

		private void bill(MeterReading reading, long trueDeltaMwh) {
			ReadingAssessment assessment = this.metering.assess(this.baseline, reading);
			assertThat(assessment).isInstanceOf(ReadingAssessment.Billable.class);
			ReadingAssessment.Billable billable = (ReadingAssessment.Billable) assessment;
			long mwh = Energy.toMilliWattHours(billable.energyKwh());
			assertThat(mwh).isEqualTo(trueDeltaMwh);
			PricedTariff tariff = PricedTariff
				.forInterval(new TariffBook(this.versions), PREMISE, this.baseline.observedAt(),
						this.baseline.activeTariff(), this.baseline.reportedRate(this.baseline.activeTariff()))
				.orElseThrow();
			Segment segment = new Segment(tariff.kind(), tariff.ratePaisePerKwh(), tariff.versionId());
			SegmentTotals.Charge charge = this.totals.getOrDefault(segment, SegmentTotals.EMPTY)
				.add(mwh, tariff.ratePaisePerKwh());
			this.totals.put(segment, charge.after());
			this.debits.merge(segment, charge.debitPaise(), Long::sum);
			this.billedMwh += mwh;
			this.baseline = billable.next();
		}

		/** An independent statement of the pricing rule, for the expected figures. */
		private Segment trueSegment(Instant start) {
			TariffVersion premiseVersion = latest(PREMISE, start);
			TariffVersion version = (premiseVersion != null) ? premiseVersion : latest(TariffScope.EVERYTHING, start);
			if (version != null) {
				return new Segment(this.supply,
						(this.supply == TariffKind.DG) ? version.dgPaisePerKwh() : version.ebPaisePerKwh(),
						version.versionId());
			}
			return new Segment(this.supply, (this.supply == TariffKind.DG) ? this.dg : this.eb, 0);
		}

		private TariffVersion latest(String scope, Instant at) {
			TariffVersion found = null;
			for (TariffVersion version : this.versions) {
				if (version.scope().value().equals(scope) && !version.effectiveFrom().isAfter(at)
						&& (found == null || !version.effectiveFrom().isBefore(found.effectiveFrom()))) {
					found = version;
				}
			}
			return found;
		}

		private MeterReading reading(Instant at, BigDecimal energy, boolean online) {
			return new MeterReading(UUID.randomUUID(), "QUBE-ONE-" + this.device, this.epoch, online, energy, at,
					this.supply, this.eb, this.dg);
		}

	}

}
