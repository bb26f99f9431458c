package eco.qubeprepaid.sandbox.qube.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import eco.qubeprepaid.sandbox.support.SandboxHttp;
import eco.qubeprepaid.sandbox.support.SandboxITSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scenarios a billing system must survive (REFERENCE 6.2 and G20-G26), and the ground
 * truth agreeing with what the meters report, to the milli-Wh and the paisa.
 */
class ScenariosIT extends SandboxITSupport {

	private SandboxHttp.Fleet fleet;

	private String device;

	private String path;

	@BeforeEach
	void fleet() {
		this.fleet = this.http.newFleet(51, 6, 1);
		this.device = this.fleet.deviceIds()
			.stream()
			.filter((id) -> this.http.state(id).get("mode").asString().equals("PREPAID"))
			.findFirst()
			.orElseThrow();
		this.path = "/api/v2/devices/" + this.device + "/";
		this.http.put(this.fleet.key(), this.path + "balance/", "{\"balance\":2000000}").assertDone();
	}

	@Test
	void groundTruthAgreesWithTheMeterToTheMilliWhAndThePaisa() {
		this.http.put(this.fleet.key(), this.path + "tariff/", "{\"eb_tariff\":537}").assertDone();
		JsonNode m0 = metrics();
		JsonNode s0 = this.http.state(this.device);
		JsonNode t0 = this.http.truth(this.device);
		this.http.advance(3 * 3600 + 123);
		JsonNode m1 = metrics();
		JsonNode s1 = this.http.state(this.device);
		JsonNode t1 = this.http.truth(this.device);
		long meterDelta = milliWh(m1.get("energy")) - milliWh(m0.get("energy"));
		long truthDelta = t1.get("energy_milli_wh").asLong() - t0.get("energy_milli_wh").asLong();
		assertThat(meterDelta).isPositive().isEqualTo(truthDelta);
		long carried = s0.get("deduction_remainder").asLong() + meterDelta * 537;
		long expectedPaise = carried / 1_000_000;
		assertThat(m0.get("balance").asLong() - m1.get("balance").asLong()).isEqualTo(expectedPaise);
		assertThat(t1.get("paise_deducted").asLong() - t0.get("paise_deducted").asLong()).isEqualTo(expectedPaise);
		assertThat(s1.get("deduction_remainder").asLong()).isEqualTo(carried % 1_000_000);
		JsonNode segment = segment(t1, 1, 537);
		assertThat(segment.get("energy_milli_wh").asLong()).isEqualTo(meterDelta);
		assertThat(segment.get("prepaid_energy_milli_wh").asLong()).isEqualTo(meterDelta);
		assertThat(segment.get("energy_wh").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(meterDelta, 3));
	}

	@Test
	void dgRunSwitchesTheActiveTariffAndIsChargedAtTheDgRate() {
		long spaceId = this.fleet.devices().get(0).get("space_id").asLong();
		this.http.put(this.fleet.key(), this.path + "tariff/", "{\"eb_tariff\":600,\"dg_tariff\":1900}").assertDone();
		this.http.admin("POST", "/spaces/" + spaceId + "/dg-run", "{\"running\":true}");
		JsonNode m0 = metrics();
		assertThat(m0.get("active_tariff").asInt()).isEqualTo(2);
		JsonNode s0 = this.http.state(this.device);
		this.http.advance(2 * 3600);
		JsonNode m1 = metrics();
		long delta = milliWh(m1.get("energy")) - milliWh(m0.get("energy"));
		long expectedPaise = (s0.get("deduction_remainder").asLong() + delta * 1900) / 1_000_000;
		assertThat(delta).isPositive();
		assertThat(m0.get("balance").asLong() - m1.get("balance").asLong()).isEqualTo(expectedPaise);
		assertThat(segment(this.http.truth(this.device), 2, 1900).get("energy_milli_wh").asLong()).isEqualTo(delta);
		String today = simDate();
		JsonNode history = this.http
			.get(this.fleet.key(),
					this.path + "metrics/history?property_id=active_tariff&from_date=" + today + "&to_date=" + today
							+ "&interval=15m")
			.assertOk();
		JsonNode readings = history.get("readings");
		assertThat(readings.get(readings.size() - 1).get("value").asInt()).isEqualTo(2);
		this.http.admin("POST", "/spaces/" + spaceId + "/dg-run", "{\"running\":false}");
		assertThat(metrics().get("active_tariff").asInt()).isEqualTo(1);
	}

	@Test
	void replacementGivesANewIdInTheSameSpaceAndKeepsTheIdentity() {
		this.http.advance(3600);
		JsonNode before = this.http.get(this.fleet.key(), this.path).assertOk();
		JsonNode replaced = this.http.admin("POST", "/devices/" + this.device + "/replace", null);
		String newId = replaced.get("new_device_id").asString();
		assertThat(replaced.get("old_device_id").asString()).isEqualTo(this.device);
		assertThat(newId).matches("QUBE-ONE-[0-9A-F]{12}").isNotEqualTo(this.device);
		this.http.get(this.fleet.key(), this.path).assertError(400, "device_not_found");
		long oldAtReplacement = this.http.truth(this.device).get("energy_milli_wh").asLong();
		JsonNode fresh = this.http.get(this.fleet.key(), "/api/v2/devices/" + newId + "/").assertOk();
		for (String field : new String[] { "name", "udf1", "udf2", "active_mode", "balance", "eb_tariff", "dg_tariff",
				"space_id", "has_relay" }) {
			assertThat(fresh.get(field)).as(field).isEqualTo(before.get(field));
		}
		assertThat(fresh.get("readings").get(0).get("value").decimalValue()).isEqualByComparingTo("0");
		JsonNode spaces = this.http.get(this.fleet.key(), "/api/v2/spaces/").assertOk();
		assertThat(spaces.toString()).contains(newId).doesNotContain(this.device);
		this.http.advance(3600);
		JsonNode newMetrics = this.http.get(this.fleet.key(), "/api/v2/devices/" + newId + "/metrics").assertOk();
		String identity = before.get("udf1").asString();
		JsonNode truth = this.http.admin("GET", "/truth?identity=" + identity, null);
		assertThat(truth.get("devices")).hasSize(2);
		long oldEnergy = truth.get("devices").get(0).get("energy_milli_wh").asLong();
		long newEnergy = truth.get("devices").get(1).get("energy_milli_wh").asLong();
		assertThat(newEnergy).isEqualTo(milliWh(newMetrics.get("energy"))).isPositive();
		assertThat(truth.get("energy_milli_wh").asLong()).isEqualTo(oldEnergy + newEnergy);
		// The retired meter measures nothing after its replacement: its truth stops at
		// the
		// register it showed when it was taken out.
		assertThat(oldEnergy).isEqualTo(oldAtReplacement);
		assertThat(truth.get("timeline").toString()).contains("replaced_by").contains("replaces");
		this.http.admin("GET", "/devices/" + this.device + "/truth", null);
	}

	@Test
	void registerResetRestartsEnergyAtZeroAndIsOnTheTimeline() {
		this.http.advance(1800);
		long before = milliWh(metrics().get("energy"));
		long truthBefore = this.http.truth(this.device).get("energy_milli_wh").asLong();
		this.http.admin("POST", "/devices/" + this.device + "/energy-reset", null);
		JsonNode afterReset = metrics();
		assertThat(afterReset.get("energy").decimalValue()).isEqualByComparingTo("0");
		assertThat(afterReset.toString()).contains("\"energy\":0.0");
		this.http.advance(1800);
		long consumed = milliWh(metrics().get("energy"));
		JsonNode truth = this.http.truth(this.device);
		assertThat(truth.get("energy_milli_wh").asLong() - truthBefore).isEqualTo(consumed);
		JsonNode reset = event(truth, "register_reset");
		assertThat(reset.get("details").get("register_before_milli_wh").asLong()).isEqualTo(before);
	}

	@Test
	void externalRechargeRaisesTheBalanceBehindTheClientsBack() {
		long before = metrics().get("balance").asLong();
		this.http.admin("POST", "/devices/" + this.device + "/external-recharge", "{\"amount_paise\":5000}");
		assertThat(metrics().get("balance").asLong()).isEqualTo(before + 5000);
		JsonNode recharge = event(this.http.truth(this.device), "external_recharge");
		assertThat(recharge.get("details").get("amount_paise").asLong()).isEqualTo(5000);
	}

	@Test
	void prepaidMeterCutsAtZeroAndRestoresOnCredit() {
		this.http.put(this.fleet.key(), this.path + "balance/", "{\"balance\":5}").assertDone();
		this.http.advance(6 * 3600);
		JsonNode cut = metrics();
		assertThat(cut.get("balance").asLong()).isZero();
		assertThat(cut.get("relay_state").asBoolean()).isFalse();
		assertThat(cut.get("active_power").decimalValue()).isEqualByComparingTo("0");
		assertThat(event(this.http.truth(this.device), "relay_opened").get("details").get("reason").asString())
			.isEqualTo("balance_exhausted");
		this.http.advance(3600);
		assertThat(metrics().get("energy")).isEqualTo(cut.get("energy"));
		this.http.put(this.fleet.key(), this.path + "balance/", "{\"balance\":100000}").assertDone();
		assertThat(metrics().get("relay_state").asBoolean()).isTrue();
		this.http.advance(3600);
		assertThat(milliWh(metrics().get("energy"))).isGreaterThan(milliWh(cut.get("energy")));
	}

	@Test
	void creditDoesNotCloseARelaySwitchedOffByHand() {
		this.http.put(this.fleet.key(), this.path + "relay/", "{\"relay_state\":false}").assertDone();
		this.http.put(this.fleet.key(), this.path + "balance/", "{\"balance\":0}").assertDone();
		this.http.put(this.fleet.key(), this.path + "balance/", "{\"balance\":9000}").assertDone();
		assertThat(metrics().get("relay_state").asBoolean()).isFalse();
		this.http.put(this.fleet.key(), this.path + "mode/", "{\"mode\":\"relay_off\"}").assertDone();
		this.http.admin("POST", "/devices/" + this.device + "/external-recharge", "{\"amount_paise\":100}");
		assertThat(metrics().get("relay_state").asBoolean()).isFalse();
	}

	@Test
	void acceleratedClockAccruesEnergyInRealTime() {
		long before = milliWh(metrics().get("energy"));
		this.http.admin("PUT", "/clock", "{\"speed\":3600}");
		try {
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(milliWh(metrics().get("energy"))).isGreaterThan(before + 1000));
		}
		finally {
			this.http.admin("PUT", "/clock", "{\"speed\":0}");
		}
		assertThat(this.http.admin("GET", "/clock", null).get("speed").asLong()).isZero();
	}

	@Test
	void historyBucketsAgreeAcrossIntervals() {
		String day = simDate();
		this.http.advance(4 * 3600);
		String to = simDate();
		String query = this.path + "metrics/history?from_date=" + day + "&to_date=" + to + "&interval=";
		JsonNode quarter = this.http.get(this.fleet.key(), query + "15m&property_id=energy").assertOk().get("readings");
		JsonNode hourly = this.http.get(this.fleet.key(), query + "1h&property_id=energy").assertOk().get("readings");
		JsonNode power15 = this.http.get(this.fleet.key(), query + "15m&property_id=active_power")
			.assertOk()
			.get("readings");
		JsonNode power1h = this.http.get(this.fleet.key(), query + "1h&property_id=active_power")
			.assertOk()
			.get("readings");
		assertThat(quarter.size()).isGreaterThanOrEqualTo(15);
		List<BigDecimal> energies = new ArrayList<>();
		for (JsonNode reading : quarter) {
			assertThat(reading.get("timestamp").asString()).matches(".*T\\d\\d:(14|29|44|59):59\\+05:30");
			energies.add(reading.get("value").decimalValue());
		}
		assertThat(energies).isSortedAccordingTo(BigDecimal::compareTo);
		for (JsonNode hour : hourly) {
			String stamp = hour.get("timestamp").asString();
			assertThat(stamp).endsWith(":59:59+05:30");
			List<JsonNode> inHour = new ArrayList<>();
			OffsetDateTime end = OffsetDateTime.parse(stamp);
			for (int i = 0; i < quarter.size(); i++) {
				OffsetDateTime t = OffsetDateTime.parse(quarter.get(i).get("timestamp").asString());
				if (!t.isAfter(end) && t.isAfter(end.minusHours(1))) {
					inHour.add(power15.get(i));
					if (t.equals(end)) {
						assertThat(hour.get("value")).isEqualTo(quarter.get(i).get("value"));
					}
				}
			}
			BigDecimal sum = inHour.stream()
				.map((r) -> r.get("value").decimalValue())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal mean = sum.divide(BigDecimal.valueOf(inHour.size()), 1, RoundingMode.HALF_UP);
			JsonNode powerHour = find(power1h, stamp);
			assertThat(powerHour.get("value").decimalValue()).isEqualByComparingTo(mean);
			assertThat(powerHour.get("unit").asString()).isEqualTo("W");
		}
	}

	private JsonNode metrics() {
		return this.http.get(this.fleet.key(), this.path + "metrics").assertOk();
	}

	private String simDate() {
		return this.http.admin("GET", "/clock", null).get("sim_time").asString().substring(0, 10);
	}

	private static long milliWh(JsonNode kwh) {
		return kwh.decimalValue().movePointRight(6).longValueExact();
	}

	private static JsonNode segment(JsonNode truth, int activeTariff, long rate) {
		for (JsonNode segment : truth.get("segments")) {
			if (segment.get("active_tariff").asInt() == activeTariff && segment.get("rate").asLong() == rate) {
				return segment;
			}
		}
		throw new AssertionError("no segment " + activeTariff + "/" + rate + " in " + truth.get("segments"));
	}

	private static JsonNode event(JsonNode truth, String type) {
		JsonNode found = null;
		for (JsonNode event : truth.get("events")) {
			if (event.get("type").asString().equals(type)) {
				found = event;
			}
		}
		assertThat(found).as("event %s in %s", type, truth.get("events")).isNotNull();
		return found;
	}

	private static JsonNode find(JsonNode readings, String timestamp) {
		for (JsonNode reading : readings) {
			if (reading.get("timestamp").asString().equals(timestamp)) {
				return reading;
			}
		}
		throw new AssertionError("no reading at " + timestamp);
	}

}
