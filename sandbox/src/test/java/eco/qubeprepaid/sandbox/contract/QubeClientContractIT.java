package eco.qubeprepaid.sandbox.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import eco.qubeprepaid.qube.client.EnergyMath;
import eco.qubeprepaid.qube.client.QubeClient;
import eco.qubeprepaid.qube.client.model.DeviceDetails;
import eco.qubeprepaid.qube.client.model.DeviceMetrics;
import eco.qubeprepaid.qube.client.model.History;
import eco.qubeprepaid.qube.client.model.HistoryInterval;
import eco.qubeprepaid.qube.client.model.HistoryReading;
import eco.qubeprepaid.qube.client.model.MetadataUpdate;
import eco.qubeprepaid.qube.client.model.Mode;
import eco.qubeprepaid.qube.client.model.Reading;
import eco.qubeprepaid.qube.client.model.Space;
import eco.qubeprepaid.qube.client.model.Tariff;
import eco.qubeprepaid.qube.client.model.VerifiedWrite;
import eco.qubeprepaid.qube.client.model.WriteAck;
import eco.qubeprepaid.qube.client.model.WriteOutcome;
import eco.qubeprepaid.sandbox.support.SandboxHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The real {@link QubeClient} against the running sandbox over HTTP: every endpoint (E1
 * to E6, P1 to P6) answers what the client expects, so the two cannot drift apart. The
 * quick-start fixture is only read; everything that is written lives in a fleet of its
 * own, created through the admin API under a fresh key.
 */
class QubeClientContractIT extends QubeClientContractSupport {

	private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	private SandboxHttp.Fleet fleet;

	private String device;

	private QubeClient qube;

	@BeforeEach
	void fleet() {
		this.fleet = this.http.newFleet(41, 6, 2);
		this.device = prepaidDevice(this.fleet);
		this.qube = client(this.fleet.key());
	}

	@Test
	void readsTheQuickstartFixtureExactlyAsTheSeedShowsIt() {
		QubeClient quickstart = client(QUICKSTART_KEY);
		List<Space> spaces = quickstart.spaces();
		assertThat(spaces).extracting(Space::spaceId).containsExactly(QUICKSTART_SPACE);
		Space space = quickstart.space(QUICKSTART_SPACE);
		assertThat(space).isEqualTo(spaces.get(0));
		assertThat(space.name()).isEqualTo("My Building");
		assertThat(space.description()).isEqualTo("Main property");
		assertThat(space.devices()).singleElement().satisfies((summary) -> {
			assertThat(summary.deviceId()).isEqualTo(QUICKSTART_DEVICE);
			assertThat(summary.name()).isEqualTo("Room 101");
			assertThat(summary.activeMode()).isEqualTo(Mode.PREPAID);
			assertThat(summary.udfs().udf1()).isEqualTo("Building-A.Floor-1.Room-101");
		});
		DeviceDetails details = quickstart.device(QUICKSTART_DEVICE);
		assertThat(details.online()).isTrue();
		assertThat(details.hasRelay()).isTrue();
		assertThat(details.activeMode()).isEqualTo(Mode.PREPAID);
		assertThat(details.balance()).isEqualTo(25_000L);
		assertThat(details.readings()).containsExactly(new Reading("energy", new BigDecimal("1234.56"), "kWh"),
				new Reading("active_power", new BigDecimal("850.0"), "W"),
				new Reading("voltage", new BigDecimal("230.5"), "V"));
		assertThat(details.udfs().udf2()).isEqualTo("Tenant.101.Hrithik");
		DeviceMetrics metrics = quickstart.metrics(QUICKSTART_DEVICE);
		assertThat(metrics).isEqualTo(new DeviceMetrics(QUICKSTART_DEVICE, 500L, 800L, 1, new BigDecimal("1234.56"),
				new BigDecimal("850.0"), new BigDecimal("230.5"), 25_000L, true, Mode.PREPAID, true));
	}

	@Test
	void seedHistoryGivesTheDocumentedWeek() {
		History history = client(QUICKSTART_KEY).history(QUICKSTART_DEVICE, "energy", LocalDate.of(2025, 9, 1),
				LocalDate.of(2025, 9, 7), HistoryInterval.ONE_DAY);
		assertThat(history.readings()).hasSize(7);
		assertThat(history.readings()).allSatisfy(
				(reading) -> assertThat(reading.timestamp().getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30)));
		assertThat(history.readings().get(0).timestamp()).isEqualTo(OffsetDateTime.parse("2025-09-01T23:59:59+05:30"));
		assertThat(EnergyMath.consumptions(history.readings())).containsExactly(new BigDecimal("25.5"),
				new BigDecimal("22.7"), new BigDecimal("25.6"), new BigDecimal("21.3"), new BigDecimal("23.6"),
				new BigDecimal("23.6"));
		assertThat(EnergyMath.consumption(history.readings())).isEqualByComparingTo("142.3");
	}

	@Test
	void listsGetsAndPartiallyUpdatesTheKeysOwnSpaces() {
		List<Long> fleetSpaces = this.fleet.deviceIds()
			.stream()
			.map((id) -> spaceOf(this.fleet, id))
			.distinct()
			.toList();
		assertThat(this.qube.spaces()).extracting(Space::spaceId).containsExactlyInAnyOrderElementsOf(fleetSpaces);
		long spaceId = spaceOf(this.fleet, this.device);
		Space before = this.qube.space(spaceId);
		assertThat(before.devices()).extracting((summary) -> summary.deviceId()).contains(this.device);
		WriteAck ack = this.qube.updateSpace(spaceId,
				MetadataUpdate.builder()
					.name("Renamed tower")
					.udf(3, "zone-downtown")
					.tags(List.of("north", "residential"))
					.build());
		assertThat(ack.confirmed()).isTrue();
		assertThat(ack.message()).isEqualTo("Space updated");
		Space after = this.qube.space(spaceId);
		assertThat(after.name()).isEqualTo("Renamed tower");
		assertThat(after.udfs().udf3()).isEqualTo("zone-downtown");
		assertThat(after.tags()).containsExactly("north", "residential");
		assertThat(after.description()).isEqualTo(before.description());
		assertThat(after.udfs().udf1()).isEqualTo(before.udfs().udf1());
		assertThat(after.devices()).isEqualTo(before.devices());
	}

	@Test
	void readsDeviceDetailsAndFlattenedMetricsThatAgreeWithTheSimulation() {
		JsonNode state = this.http.state(this.device);
		DeviceDetails details = this.qube.device(this.device);
		assertThat(details.deviceId()).isEqualTo(this.device);
		assertThat(details.spaceId()).isEqualTo(spaceOf(this.fleet, this.device));
		assertThat(details.online()).isTrue();
		assertThat(details.hasRelay()).isTrue();
		assertThat(details.activeMode()).isEqualTo(Mode.PREPAID);
		assertThat(details.balance()).isEqualTo(state.get("balance").asLong());
		assertThat(details.udfs().udf1()).isEqualTo(state.get("udf1").asString());
		assertThat(details.readings()).extracting(Reading::propertyId, Reading::unit)
			.containsExactly(tuple("energy", "kWh"), tuple("active_power", "W"), tuple("voltage", "V"));
		DeviceMetrics metrics = this.qube.metrics(this.device);
		assertThat(metrics.deviceId()).isEqualTo(this.device);
		assertThat(metrics.mode()).isEqualTo(Mode.PREPAID);
		assertThat(metrics.balance()).isEqualTo(details.balance());
		assertThat(metrics.relayState()).isEqualTo(state.get("relay_state").asBoolean());
		assertThat(metrics.tariff())
			.isEqualTo(new Tariff(state.get("eb_tariff").asLong(), state.get("dg_tariff").asLong()));
		assertThat(metrics.activeTariff()).isEqualTo(1);
		assertThat(metrics.pgEnabled()).isEqualTo(state.get("pg_enabled").asBoolean());
		// The simulated clock is paused, so both endpoints see the same register.
		assertThat(metrics.energy()).isEqualByComparingTo(details.reading("energy").orElseThrow().value());
	}

	@Test
	void updatesDeviceMetadataPartially() {
		DeviceDetails before = this.qube.device(this.device);
		WriteAck ack = this.qube.updateDevice(this.device,
				MetadataUpdate.builder().name("Flat 999").udf(4, "meter-room-2").udf(2, null).build());
		assertThat(ack.confirmed()).isTrue();
		assertThat(ack.message()).isEqualTo("Device updated");
		DeviceDetails after = this.qube.device(this.device);
		assertThat(after.name()).isEqualTo("Flat 999");
		assertThat(after.udfs().udf4()).isEqualTo("meter-room-2");
		assertThat(after.udfs().udf2()).isNull();
		assertThat(after.udfs().udf1()).isEqualTo(before.udfs().udf1());
		assertThat(after.description()).isEqualTo(before.description());
	}

	@Test
	void controlWritesAreAcceptedAndVerifiedByReadingMetricsBack() {
		assertVerified(this.qube.setTariff(this.device, new Tariff(650L, 1500L)));
		VerifiedWrite<Tariff> dgOnly = this.qube.setTariff(this.device, new Tariff(null, 1800L));
		assertVerified(dgOnly);
		assertThat(dgOnly.metrics().tariff()).isEqualTo(new Tariff(650L, 1800L));
		VerifiedWrite<Long> balance = this.qube.setBalance(this.device, 50_000);
		assertVerified(balance);
		assertThat(balance.observed()).isEqualTo(50_000L);
		assertVerified(this.qube.setMode(this.device, Mode.POSTPAID));
		assertThat(this.qube.device(this.device).activeMode()).isEqualTo(Mode.POSTPAID);
		assertVerified(this.qube.setMode(this.device, Mode.PREPAID));
		assertVerified(this.qube.setRelay(this.device, false));
		assertThat(this.http.state(this.device).get("manual_off").asBoolean()).isTrue();
		assertVerified(this.qube.setRelay(this.device, true));
		JsonNode state = this.http.state(this.device);
		assertThat(state.get("mode").asString()).isEqualTo("PREPAID");
		assertThat(state.get("relay_state").asBoolean()).isTrue();
		assertThat(state.get("balance").asLong()).isEqualTo(50_000);
		assertThat(state.get("eb_tariff").asLong()).isEqualTo(650);
		assertThat(state.get("dg_tariff").asLong()).isEqualTo(1800);
	}

	@Test
	void storesWifiCredentialsWithoutEchoingThePassword() {
		WriteAck ack = this.qube.setWifi(this.device, "Flat-WiFi", "hunter22");
		assertThat(ack.confirmed()).isTrue();
		assertThat(ack.message()).isNotBlank().doesNotContain("hunter22");
		assertThat(this.http.state(this.device).get("wifi_ssid").asString()).isEqualTo("Flat-WiFi");
		assertThat(this.qube.device(this.device).online()).isTrue();
	}

	@Test
	void historyInFifteenMinuteHourlyAndDailyBucketsAgree() {
		LocalDate created = simDate();
		// A large top-up keeps the prepaid meter supplied for the whole simulated span.
		this.http.admin("POST", "/devices/" + this.device + "/external-recharge", "{\"amount_paise\":5000000}");
		this.http.advance(3 * 86_400);
		LocalDate day = created.plusDays(1);
		History quarters = this.qube.history(this.device, "energy", day, day, HistoryInterval.FIFTEEN_MINUTES);
		History hours = this.qube.history(this.device, "energy", day, day, HistoryInterval.ONE_HOUR);
		History days = this.qube.history(this.device, "energy", day, day.plusDays(1), HistoryInterval.ONE_DAY);
		assertThat(quarters.deviceId()).isEqualTo(this.device);
		assertThat(quarters.fromDate()).isEqualTo(day);
		assertThat(quarters.toDate()).isEqualTo(day);
		// One bucket per closed 15-minute slot of a fully simulated IST day, stamped at
		// the bucket's last second in +05:30.
		assertThat(timestamps(quarters)).containsExactlyElementsOf(bucketEnds(day, 96, 15));
		assertThat(timestamps(hours)).containsExactlyElementsOf(bucketEnds(day, 24, 60));
		assertThat(timestamps(days)).containsExactly(bucketEnds(day, 1, 1440).get(0),
				bucketEnds(day.plusDays(1), 1, 1440).get(0));
		assertThat(quarters.readings()).allSatisfy((reading) -> {
			assertThat(reading.propertyId()).isEqualTo("energy");
			assertThat(reading.unit()).isEqualTo("kWh");
		});
		assertThat(values(quarters)).isSortedAccordingTo(BigDecimal::compareTo);
		// The register is cumulative, so each hour and the day end on their last quarter.
		for (int hour = 0; hour < 24; hour++) {
			assertThat(values(hours).get(hour)).isEqualByComparingTo(values(quarters).get(4 * hour + 3));
		}
		assertThat(values(days).get(0)).isEqualByComparingTo(values(quarters).get(95));
		assertThat(EnergyMath.consumption(hours.readings()))
			.isEqualByComparingTo(values(quarters).get(95).subtract(values(quarters).get(3)));
		assertThat(EnergyMath.consumptions(days.readings())).singleElement()
			.satisfies((consumption) -> assertThat(consumption).isPositive());
		// Power is instantaneous, so an hour is the mean of its four quarters.
		List<BigDecimal> quarterPower = values(
				this.qube.history(this.device, "active_power", day, day, HistoryInterval.FIFTEEN_MINUTES));
		List<BigDecimal> hourPower = values(
				this.qube.history(this.device, "active_power", day, day, HistoryInterval.ONE_HOUR));
		assertThat(hourPower).hasSize(24);
		for (int hour = 0; hour < 24; hour++) {
			BigDecimal sum = quarterPower.subList(4 * hour, 4 * hour + 4)
				.stream()
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(hourPower.get(hour))
				.isEqualByComparingTo(sum.divide(BigDecimal.valueOf(4), 1, RoundingMode.HALF_UP));
		}
	}

	private static void assertVerified(VerifiedWrite<?> write) {
		assertThat(write.outcome()).as(write.toString()).isEqualTo(WriteOutcome.VERIFIED);
		assertThat(write.sends()).as(write.toString()).isEqualTo(1);
	}

	private static List<OffsetDateTime> timestamps(History history) {
		return history.readings().stream().map(HistoryReading::timestamp).toList();
	}

	private static List<BigDecimal> values(History history) {
		return history.readings().stream().map(HistoryReading::value).toList();
	}

	/**
	 * The last second of each of {@code count} buckets of {@code minutes} from the IST
	 * day's start.
	 */
	private static List<OffsetDateTime> bucketEnds(LocalDate day, int count, int minutes) {
		return IntStream.rangeClosed(1, count)
			.mapToObj((n) -> day.atStartOfDay(IST).plusMinutes((long) n * minutes).minusSeconds(1).toOffsetDateTime())
			.toList();
	}

}
