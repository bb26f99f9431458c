package eco.qubeprepaid.sandbox.qube.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The E6 history query (G10): validates the parameters and aggregates a meter's 15-minute
 * samples into 15m, 1h or 1d buckets over IST calendar days.
 */
public final class History {

	/** Reading timestamps and date parameters use India Standard Time (G15). */
	public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	private static final ZoneOffset IST_OFFSET = ZoneOffset.ofHoursMinutes(5, 30);

	private History() {
	}

	/**
	 * Validates the raw query parameters; throws a validation_error for anything wrong.
	 */
	public static Request parse(String propertyId, String fromDate, String toDate, String interval) {
		Property property = Property.parse(propertyId);
		if (property == null) {
			throw QubeException.invalid("property_id must be one of energy, active_power, voltage, balance, "
					+ "relay_state, active_tariff.");
		}
		LocalDate from = date("from_date", fromDate);
		LocalDate to = date("to_date", toDate);
		Interval bucket = Interval.parse((interval == null) ? SimChoices.HISTORY_DEFAULT_INTERVAL : interval);
		if (bucket == null) {
			throw QubeException.invalid("interval must be one of 15m, 1h, 1d.");
		}
		if (to.isBefore(from)) {
			throw QubeException.invalid("to_date must not be before from_date.");
		}
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		int maxDays = (bucket == Interval.DAY) ? SimChoices.HISTORY_MAX_DAYS_DAILY : SimChoices.HISTORY_MAX_DAYS;
		if (days > maxDays) {
			throw QubeException
				.invalid("The range may span at most " + maxDays + " days for interval " + bucket.wire() + ".");
		}
		return new Request(property, from, to, bucket);
	}

	/** The readings of one meter for a validated request; empty buckets are left out. */
	static List<Point> query(Meter meter, Request request, long simMillis) {
		long fromMillis = request.from().atStartOfDay(IST).toInstant().toEpochMilli();
		long toMillis = request.to().plusDays(1).atStartOfDay(IST).toInstant().toEpochMilli();
		long bucketMillis = request.interval().seconds() * 1000L;
		long offsetMillis = IST_OFFSET.getTotalSeconds() * 1000L;
		List<Point> points = new ArrayList<>();
		Bucket[] open = new Bucket[1];
		meter.history(fromMillis / Meter.SAMPLE_MILLIS, toMillis / Meter.SAMPLE_MILLIS, simMillis, (sample) -> {
			long index = Math.floorDiv(sample.slot() * Meter.SAMPLE_MILLIS + offsetMillis, bucketMillis);
			if (open[0] != null && open[0].index != index) {
				points.add(open[0].toPoint(request.property(), bucketMillis, offsetMillis));
				open[0] = null;
			}
			if (open[0] == null) {
				open[0] = new Bucket(index);
			}
			open[0].add(sample);
		});
		if (open[0] != null) {
			points.add(open[0].toPoint(request.property(), bucketMillis, offsetMillis));
		}
		return points;
	}

	private static LocalDate date(String name, String text) {
		if (text == null || text.isBlank()) {
			throw QubeException.invalid(name + " is required (YYYY-MM-DD).");
		}
		try {
			if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
				throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
			}
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw QubeException.invalid(name + " must be a date in the form YYYY-MM-DD.");
		}
	}

	private static final class Bucket {

		private final long index;

		private MeterHistory.Sample last;

		private long powerSum;

		private long voltageSum;

		private long count;

		Bucket(long index) {
			this.index = index;
		}

		void add(MeterHistory.Sample sample) {
			this.last = sample;
			this.powerSum += sample.powerDeciW();
			this.voltageSum += sample.voltageDeciV();
			this.count++;
		}

		Point toPoint(Property property, long bucketMillis, long offsetMillis) {
			long endLocalMillis = (this.index + 1) * bucketMillis - 1000L;
			OffsetDateTime timestamp = OffsetDateTime.ofInstant(Instant.ofEpochMilli(endLocalMillis - offsetMillis),
					IST_OFFSET);
			Object value = switch (property) {
				case ENERGY -> Units.kwh(this.last.energyMilliWh());
				case BALANCE -> this.last.balance();
				case ACTIVE_POWER -> mean(this.powerSum);
				case VOLTAGE -> mean(this.voltageSum);
				case RELAY_STATE -> this.last.relayState();
				case ACTIVE_TARIFF -> this.last.activeTariff();
			};
			return new Point(property.wire(), value, property.unit(), timestamp);
		}

		/** The mean of values kept in tenths, rounded half-up to one decimal. */
		private BigDecimal mean(long tenthsSum) {
			return BigDecimal.valueOf(tenthsSum)
				.divide(BigDecimal.valueOf(this.count), 0, RoundingMode.HALF_UP)
				.movePointLeft(SimChoices.INSTANTANEOUS_SCALE);
		}

	}

	/** The properties E6 serves, their wire names and units (G10). */
	public enum Property {

		/** Cumulative energy register; bucket-end value. */
		ENERGY("energy", "kWh"),
		/** Instantaneous power; bucket mean. */
		ACTIVE_POWER("active_power", "W"),
		/** Instantaneous voltage; bucket mean. */
		VOLTAGE("voltage", "V"),
		/** Prepaid balance; bucket-end value. */
		BALANCE("balance", "paise"),
		/** Relay position; bucket-end value, no unit. */
		RELAY_STATE("relay_state", null),
		/** 1 (EB) or 2 (DG); bucket-end value, no unit. */
		ACTIVE_TARIFF("active_tariff", null);

		private final String wire;

		private final String unit;

		Property(String wire, String unit) {
			this.wire = wire;
			this.unit = unit;
		}

		public String wire() {
			return this.wire;
		}

		public String unit() {
			return this.unit;
		}

		static Property parse(String text) {
			return find(values(), Property::wire, text);
		}

	}

	/** The bucket sizes E6 accepts (G10). */
	public enum Interval {

		/** One 15-minute sample per bucket. */
		QUARTER_HOUR("15m", 900),
		/** IST clock hours. */
		HOUR("1h", 3600),
		/** IST calendar days. */
		DAY("1d", 86400);

		private final String wire;

		private final int seconds;

		Interval(String wire, int seconds) {
			this.wire = wire;
			this.seconds = seconds;
		}

		public String wire() {
			return this.wire;
		}

		public int seconds() {
			return this.seconds;
		}

		static Interval parse(String text) {
			return find(values(), Interval::wire, text);
		}

	}

	private static <T> T find(T[] values, Function<T, String> wire, String text) {
		for (T value : values) {
			if (wire.apply(value).equals(text)) {
				return value;
			}
		}
		return null;
	}

	/**
	 * A validated E6 request.
	 *
	 * @param property the property
	 * @param from first IST day, inclusive
	 * @param to last IST day, inclusive
	 * @param interval bucket size
	 */
	public record Request(Property property, LocalDate from, LocalDate to, Interval interval) {
	}

	/**
	 * One history reading.
	 *
	 * @param propertyId the property's wire name
	 * @param value a BigDecimal, Long, Integer or Boolean
	 * @param unit the unit, or {@code null} for unit-less state properties
	 * @param timestamp the bucket's last second, in +05:30
	 */
	public record Point(String propertyId, Object value, String unit, OffsetDateTime timestamp) {
	}

}
