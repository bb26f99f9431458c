package eco.qubeprepaid.sandbox.qube.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

/**
 * The quick-start fixture: exactly the account, space, device, readings and history of
 * the seed overview's first API calls, with the redacted device ID made concrete. The
 * device is frozen (it accrues nothing), so its readings stay the seed's values.
 */
public final class QuickstartFixture {

	/** The seed's {@code QUBE-ONE-<some-id>} made concrete. */
	public static final String DEVICE_ID = "QUBE-ONE-5EED00000101";

	/** The seed's space. */
	public static final long SPACE_ID = 123;

	/** The seed's daily energy history for 2025-09-01 to 2025-09-07, in milli-Wh. */
	static final long[] SEPTEMBER_ENERGY_MILLI_WH = { 1_000_000_000L, 1_025_500_000L, 1_048_200_000L, 1_073_800_000L,
			1_095_100_000L, 1_118_700_000L, 1_142_300_000L };

	private QuickstartFixture() {
	}

	/** Installs the fixture under the given API key. */
	public static void install(QubeCloud cloud, String apiKey) {
		cloud.addSpace(SPACE_ID, apiKey, "My Building", "Main property",
				Arrays.asList("Property-Main", null, null, null, null), List.of());
		Meter meter = cloud.addMeter(new Meter.Spec(DEVICE_ID, apiKey, SPACE_ID, "Room 101", null,
				Arrays.asList("Building-A.Floor-1.Room-101", "Tenant.101.Hrithik", null, null, null), true,
				Mode.PREPAID, 25_000, 500, 800, true, LoadProfile.RESIDENTIAL, 100, 0, 1_234_560_000L, 8_500, 2_305));
		LocalDate first = LocalDate.of(2025, 9, 1);
		for (int day = 0; day < SEPTEMBER_ENERGY_MILLI_WH.length; day++) {
			long lastSlotStart = first.plusDays(day).atTime(LocalTime.of(23, 45)).atZone(History.IST).toEpochSecond();
			meter.preloadSample(new MeterHistory.Sample(lastSlotStart / SimChoices.SAMPLE_SECONDS,
					SEPTEMBER_ENERGY_MILLI_WH[day], 25_000, 8_500, 2_305, true, SimChoices.ACTIVE_TARIFF_EB));
		}
	}

}
