package eco.qubeprepaid.sandbox.qube.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exact energy and prepaid arithmetic of one meter, with a hand-driven clock. */
class MeterTest {

	/** 2025-10-01 05:30 IST, the start of a 15-minute slot. */
	private static final Instant START = Instant.parse("2025-10-01T00:00:00Z");

	private MutableClock real;

	private SimClock clock;

	private QubeCloud cloud;

	@BeforeEach
	void world() {
		this.real = new MutableClock(START);
		this.clock = new SimClock(this.real, START, 0);
		this.cloud = new QubeCloud(this.clock, 4000, 1);
		this.cloud.addSpace(1L, "k", "Space", null, List.of(), List.of());
	}

	@Test
	void oneFullSlotAtConstantPowerIsExactlyWattsTimes250MilliWh() {
		Meter meter = meter("QUBE-ONE-00000000000A", Mode.PREPAID, 1_000_000, 537);
		MeterView v0 = view(meter);
		long watts = v0.powerDeciW() / 10;
		this.clock.advance(900);
		MeterView v1 = view(meter);
		long milliWh = watts * 250;
		assertThat(v1.energyMilliWh() - v0.energyMilliWh()).isEqualTo(milliWh);
		assertThat(v0.balance() - v1.balance()).isEqualTo(milliWh * 537 / 1_000_000);
		assertThat(meter.truth(this.clock.nowMillis()).deductionRemainder()).isEqualTo(milliWh * 537 % 1_000_000);
	}

	@Test
	void lazyAdvanceGivesTheSameResultWhateverTheAccessPattern() {
		Meter stepped = meter("QUBE-ONE-00000000000B", Mode.PREPAID, 5_000_000, 733);
		Meter once = meter("QUBE-ONE-00000000000C", Mode.PREPAID, 5_000_000, 733);
		for (int i = 0; i < 97; i++) {
			this.clock.advance(37 + i * 11);
			stepped.advanceTo(this.clock.nowMillis());
		}
		Meter.TruthSnapshot a = stepped.truth(this.clock.nowMillis());
		Meter.TruthSnapshot b = once.truth(this.clock.nowMillis());
		assertThat(a.registerMilliWh()).isEqualTo(b.registerMilliWh());
		assertThat(a.balance()).isEqualTo(b.balance());
		assertThat(a.deductionRemainder()).isEqualTo(b.deductionRemainder());
		long energy = a.segments().stream().mapToLong(Truth.Segment::energyMilliWh).sum();
		long paise = a.segments().stream().mapToLong(Truth.Segment::paiseDeducted).sum();
		assertThat(energy).isEqualTo(a.registerMilliWh() - 1_000_000L);
		assertThat(paise).isEqualTo(5_000_000 - a.balance()).isEqualTo(energy * 733 / 1_000_000);
	}

	@Test
	void prepaidMeterStopsExactlyWhenTheBalanceRunsOut() {
		Meter meter = meter("QUBE-ONE-00000000000D", Mode.PREPAID, 3, 1000);
		this.clock.advance(3600);
		MeterView cut = view(meter);
		assertThat(cut.balance()).isZero();
		assertThat(cut.relayState()).isFalse();
		assertThat(cut.powerDeciW()).isZero();
		assertThat(cut.energyMilliWh() - 1_000_000L).isBetween(3_000L, 3_001L);
		this.clock.advance(3600);
		assertThat(view(meter).energyMilliWh()).isEqualTo(cut.energyMilliWh());
		meter.setBalance(100, this.clock.nowMillis(), this.real.millis());
		assertThat(view(meter).relayState()).isTrue();
	}

	@Test
	void aRelaySwitchedOffByHandStaysOffOnCredit() {
		Meter meter = meter("QUBE-ONE-00000000000E", Mode.PREPAID, 500, 800);
		meter.setRelay(false, this.clock.nowMillis(), this.real.millis());
		meter.setBalance(0, this.clock.nowMillis(), this.real.millis());
		meter.externalRecharge(1000, this.clock.nowMillis());
		assertThat(view(meter).relayState()).isFalse();
		meter.setMode(Mode.PREPAID, this.clock.nowMillis(), this.real.millis());
		assertThat(view(meter).relayState()).isFalse();
		meter.setRelay(true, this.clock.nowMillis(), this.real.millis());
		assertThat(view(meter).relayState()).isTrue();
	}

	@Test
	void refusesRelayOnInRelayOffModeAndWhileOffline() {
		Meter meter = meter("QUBE-ONE-000000000012", Mode.RELAY_OFF, 500, 800);
		assertThat(view(meter).relayState()).isFalse();
		assertThatThrownBy(() -> meter.setRelay(true, this.clock.nowMillis(), this.real.millis()))
			.isInstanceOfSatisfying(QubeException.class,
					(ex) -> assertThat(ex.error()).isEqualTo(SimChoices.Error.INVALID_STATE));
		meter.setAdminOnline(false, this.clock.nowMillis());
		assertThatThrownBy(() -> meter.setBalance(9, this.clock.nowMillis(), this.real.millis()))
			.isInstanceOfSatisfying(QubeException.class,
					(ex) -> assertThat(ex.error()).isEqualTo(SimChoices.Error.DEVICE_OFFLINE));
		assertThat(view(meter).balance()).isEqualTo(500);
	}

	@Test
	void postpaidMeasuresWithoutDeducting() {
		Meter meter = meter("QUBE-ONE-00000000000F", Mode.POSTPAID, 0, 800);
		this.clock.advance(7200);
		MeterView view = view(meter);
		assertThat(view.balance()).isZero();
		assertThat(view.relayState()).isTrue();
		assertThat(view.energyMilliWh()).isGreaterThan(1_000_000L);
		Truth.Segment segment = meter.truth(this.clock.nowMillis()).segments().get(0);
		assertThat(segment.prepaidEnergyMilliWh()).isZero();
		assertThat(segment.rate()).isEqualTo(800);
	}

	@Test
	void writesOneHistorySamplePerClosedSlot() {
		Meter meter = meter("QUBE-ONE-000000000010", Mode.POSTPAID, 0, 800);
		this.clock.advance(24 * 3600 + 600);
		History.Request day = History.parse("energy", "2025-10-01", "2025-10-02", "1d");
		List<History.Point> daily = History.query(meter, day, this.clock.nowMillis());
		assertThat(daily).hasSize(2);
		assertThat(daily.get(0).timestamp()).hasToString("2025-10-01T23:59:59+05:30");
		List<History.Point> hourly = History.query(meter, History.parse("energy", "2025-10-01", "2025-10-02", "1h"),
				this.clock.nowMillis());
		// 05:30 to 05:40 the next day touches 25 IST clock hours.
		assertThat(hourly).hasSize(25);
		List<History.Point> quarters = History.query(meter, History.parse("voltage", "2025-10-01", "2025-10-02", "15m"),
				this.clock.nowMillis());
		assertThat(quarters).hasSize(96);
		assertThat(quarters.get(0).timestamp()).hasToString("2025-10-01T05:44:59+05:30");
		List<History.Point> secondDay = History.query(meter, History.parse("energy", "2025-10-02", "2025-10-02", "15m"),
				this.clock.nowMillis());
		assertThat(secondDay).hasSize(22);
		assertThat(daily.get(1).value()).isEqualTo(secondDay.get(21).value());
		assertThat(secondDay.get(21).timestamp()).hasToString("2025-10-02T05:29:59+05:30");
	}

	@Test
	void frozenMeterNeverAccrues() {
		Meter meter = this.cloud.addMeter(new Meter.Spec("QUBE-ONE-000000000011", "k", 1L, "F", null, List.of(), true,
				Mode.PREPAID, 100, 500, 800, false, LoadProfile.SHOP, 100, 1, 42, 8500, 2305));
		this.clock.advance(86_400);
		MeterView view = view(meter);
		assertThat(view.energyMilliWh()).isEqualTo(42);
		assertThat(view.balance()).isEqualTo(100);
		assertThat(view.powerDeciW()).isEqualTo(8500);
	}

	private Meter meter(String id, Mode mode, long balance, long ebTariff) {
		return this.cloud.addMeter(new Meter.Spec(id, "k", 1L, "M", null, Arrays.asList("Tower-A.Floor-01.Flat-101"),
				true, mode, balance, ebTariff, 2000, false, LoadProfile.RESIDENTIAL, 100, 99, 1_000_000L, null, null));
	}

	private MeterView view(Meter meter) {
		return meter.view(this.clock.nowMillis(), this.real.millis());
	}

}
