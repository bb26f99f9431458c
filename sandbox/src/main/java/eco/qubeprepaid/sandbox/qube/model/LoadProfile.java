package eco.qubeprepaid.sandbox.qube.model;

/**
 * A typical daily load shape: the mean power in watts for each IST hour of the day. A
 * meter scales its profile and adds a small seeded wobble per 15-minute slot.
 */
public enum LoadProfile {

	/** A flat: low at night, a morning peak, a larger evening peak. */
	RESIDENTIAL(new int[] { 220, 180, 160, 150, 150, 200, 450, 900, 1000, 700, 500, 450, 500, 550, 500, 450, 500, 700,
			1200, 1500, 1600, 1400, 900, 400 }),
	/** A shop: open 10:00 to 22:00. */
	SHOP(new int[] { 60, 60, 60, 60, 60, 60, 60, 60, 80, 300, 1500, 1800, 1900, 2000, 2000, 1900, 1900, 2000, 2100,
			2200, 2200, 1800, 300, 80 }),
	/** An office: busy 09:00 to 19:00. */
	OFFICE(new int[] { 120, 120, 120, 120, 120, 120, 150, 300, 1200, 2500, 3000, 3000, 2800, 3000, 3000, 2900, 2700,
			2200, 1200, 400, 200, 150, 120, 120 }),
	/** Common areas: lights at night, a lift and pumps in the day. */
	COMMON_AREA(new int[] { 900, 900, 900, 900, 900, 1000, 1500, 1200, 1100, 1000, 900, 900, 900, 900, 900, 900, 1000,
			1200, 1600, 1800, 1800, 1600, 1200, 1000 });

	private final int[] hourlyWatts;

	LoadProfile(int[] hourlyWatts) {
		this.hourlyWatts = hourlyWatts;
	}

	/** The profile's mean power in watts for an IST hour 0..23. */
	public int watts(int istHour) {
		return this.hourlyWatts[istHour];
	}

}
