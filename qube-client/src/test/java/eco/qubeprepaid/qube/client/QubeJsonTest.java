package eco.qubeprepaid.qube.client;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import eco.qubeprepaid.qube.client.model.DeviceDetails;
import eco.qubeprepaid.qube.client.model.DeviceMetrics;
import eco.qubeprepaid.qube.client.model.History;
import eco.qubeprepaid.qube.client.model.Mode;
import eco.qubeprepaid.qube.client.model.Space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QubeJsonTest {

	@Test
	void parsesTheDocumentedErrorEnvelopes() {
		Envelope notFound = QubeJson.parseEnvelope(
				"""
						{"success": false,
						 "error": {"code": "device_not_found",
						           "detail": "You are not allowed to access the specified device. Or the specified device does not exist."},
						 "timestamp": "2025-01-01T12:00:00.000Z"}""");
		assertThat(notFound.isError()).isTrue();
		assertThat(QubeErrorCode.fromWire(notFound.errorCode())).isEqualTo(QubeErrorCode.DEVICE_NOT_FOUND);
		assertThat(notFound.errorDetail()).startsWith("You are not allowed");
		assertThat(notFound.timestamp()).isEqualTo("2025-01-01T12:00:00.000Z");
		assertThat(notFound.data().isMissingNode()).isTrue();

		assertThat(codeOf("authentication_error", "Invalid Authorization header. Bearer authorization is required."))
			.isEqualTo(QubeErrorCode.AUTHENTICATION_ERROR);
		assertThat(codeOf("device_not_in_space", "Device is not associated with any space"))
			.isEqualTo(QubeErrorCode.DEVICE_NOT_IN_SPACE);
		assertThat(codeOf("not_your_space", "The space does not belong to you."))
			.isEqualTo(QubeErrorCode.NOT_YOUR_SPACE);
	}

	@Test
	void mapsEveryKnownCodeAndKeepsUnknownOnesRaw() {
		for (QubeErrorCode code : QubeErrorCode.values()) {
			if (code != QubeErrorCode.UNKNOWN) {
				assertThat(QubeErrorCode.fromWire(code.wireValue())).isEqualTo(code);
			}
		}
		QubeApiException unknown = new QubeApiException("E5 get metrics", "device QUBE-ONE-1", "meter_on_fire", 418,
				"hot");
		assertThat(unknown.code()).isEqualTo(QubeErrorCode.UNKNOWN);
		assertThat(unknown.rawCode()).isEqualTo("meter_on_fire");
		assertThat(unknown.getMessage())
			.isEqualTo("E5 get metrics for device QUBE-ONE-1 failed with meter_on_fire (HTTP 418): hot");
		assertThat(QubeErrorCode.fromWire(null)).isEqualTo(QubeErrorCode.UNKNOWN);
	}

	@Test
	void successEnvelopeToleratesMissingAndUnknownKeys() {
		Envelope envelope = QubeJson.parseEnvelope("{\"data\": [], \"shiny_new_key\": {\"x\": 1}}");
		assertThat(envelope.isError()).isFalse();
		assertThat(envelope.success()).isNull();
		assertThat(envelope.message()).isNull();
		assertThat(QubeJson.spaces(envelope.data())).isEmpty();
	}

	@Test
	void rejectsBodiesThatAreNotJsonObjects() {
		assertThatIllegalArgumentException().isThrownBy(() -> QubeJson.parseEnvelope("<html>502 Bad Gateway</html>"))
			.withMessageContaining("not JSON")
			.withMessageContaining("502 Bad Gateway");
		assertThatIllegalArgumentException().isThrownBy(() -> QubeJson.parseEnvelope("[1, 2]"))
			.withMessageContaining("not a JSON object");
		assertThatIllegalArgumentException().isThrownBy(() -> QubeJson.parseEnvelope(""));
	}

	@Test
	void parsesTheQuickStartSpaceWithMissingUdfsAndLowercaseMode() {
		Envelope envelope = QubeJson.parseEnvelope("""
				{"success": true, "data": [{"name": "My Building", "description": "Main property", "space_id": 123,
				  "devices": [{"device_id": "QUBE-ONE-<some-id>", "name": "Room 101", "active_mode": "prepaid",
				               "udf1": "Building-A.Floor-1.Room-101"}]}]}""");
		Space space = QubeJson.spaces(envelope.data()).get(0);
		assertThat(space.spaceId()).isEqualTo(123L);
		assertThat(space.tags()).isEmpty();
		assertThat(space.udfs().udf1()).isNull();
		assertThat(space.devices()).singleElement().satisfies((device) -> {
			assertThat(device.activeMode()).isEqualTo(Mode.PREPAID);
			assertThat(device.udfs().get(1)).isEqualTo("Building-A.Floor-1.Room-101");
			assertThat(device.udfs().udf2()).isNull();
		});
	}

	@Test
	void parsesDeviceDetailsWithExactDecimalReadings() {
		DeviceDetails details = QubeJson.deviceDetails(QubeJson.parseEnvelope("""
				{"success": true, "data": {"name": "Room 101", "device_id": "QUBE-ONE-5EED00000101", "is_online": true,
				 "has_relay": true, "active_mode": "prepaid", "balance": 25000, "firmware": "9.9",
				 "readings": [{"property_id": "energy", "value": 1234.56, "unit": "kWh"},
				              {"property_id": "active_power", "value": 850.0, "unit": "W"},
				              {"property_id": "voltage", "value": 230.5, "unit": "V"}],
				 "udf1": "Building-A.Floor-1.Room-101", "udf2": "Tenant.101.Hrithik"}}""").data());
		assertThat(details.online()).isTrue();
		assertThat(details.balance()).isEqualTo(25000L);
		assertThat(details.relayState()).isNull();
		assertThat(details.reading("energy")).get()
			.extracting((reading) -> reading.value())
			.isEqualTo(new BigDecimal("1234.56"));
		assertThat(details.reading("active_power")).get()
			.extracting((reading) -> reading.value().toPlainString())
			.isEqualTo("850.0");
		assertThat(details.udfs().udf2()).isEqualTo("Tenant.101.Hrithik");
	}

	@Test
	void parsesFlattenedMetricsWithUppercaseModeAndPaise() {
		DeviceMetrics metrics = QubeJson.deviceMetrics(QubeJson.parseEnvelope("""
				{"success": true, "data": {"device_id": "QUBE-ONE-<some-id>", "eb_tariff": 500, "dg_tariff": 800,
				 "active_tariff": 1, "energy": 1234.56, "active_power": 2500.0, "voltage": 230.5, "balance": 50000,
				 "relay_state": true, "mode": "PREPAID", "pg_enabled": true}}""").data());
		assertThat(metrics.mode()).isEqualTo(Mode.PREPAID);
		assertThat(metrics.balance()).isEqualTo(50000L);
		assertThat(metrics.ebTariff()).isEqualTo(500L);
		assertThat(metrics.activeTariff()).isEqualTo(1);
		assertThat(metrics.energy()).isEqualTo(new BigDecimal("1234.56"));
		assertThat(metrics.voltage()).isEqualTo(new BigDecimal("230.5"));
		assertThat(metrics.relayState()).isTrue();
	}

	@Test
	void mapsModesCaseInsensitively() {
		assertThat(Mode.fromWire("relay_off")).isEqualTo(Mode.RELAY_OFF);
		assertThat(Mode.fromWire("RELAY_OFF")).isEqualTo(Mode.RELAY_OFF);
		assertThat(Mode.fromWire("Measurement")).isEqualTo(Mode.MEASUREMENT);
		assertThat(Mode.fromWire("postpaid")).isEqualTo(Mode.POSTPAID);
		assertThat(Mode.fromWire("turbo")).isEqualTo(Mode.UNKNOWN);
		assertThat(Mode.fromWire(null)).isEqualTo(Mode.UNKNOWN);
		assertThat(Mode.RELAY_OFF.wireValue()).isEqualTo("relay_off");
	}

	@Test
	void keepsTheIstOffsetOfReadingTimestampsWhateverTheDefaultZone() throws IOException {
		History history = QubeJson.history(QubeJson.parseEnvelope(EnergyMathTest.seedHistory()).data());
		OffsetDateTime first = history.readings().get(0).timestamp();
		assertThat(first.getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
		assertThat(first.toLocalDateTime()).hasToString("2025-09-01T23:59:59");
		assertThat(first.toInstant()).hasToString("2025-09-01T18:29:59Z");
	}

	@Test
	void readsBooleanHistoryValuesAsOneAndZero() {
		History history = QubeJson.history(QubeJson.parseEnvelope(
				"""
						{"success": true, "data": {"device_id": "D", "from_date": "2025-09-01", "to_date": "2025-09-01",
						 "readings": [{"property_id": "relay_state", "value": true, "timestamp": "2025-09-01T23:59:59+05:30"},
						              {"property_id": "relay_state", "value": false, "timestamp": "2025-09-02T23:59:59+05:30"}]}}""")
			.data());
		assertThat(history.readings()).extracting((reading) -> reading.value())
			.containsExactly(BigDecimal.ONE, BigDecimal.ZERO);
	}

	@Test
	void rejectsFractionalPaiseInsteadOfRounding() {
		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> QubeJson.deviceMetrics(QubeJson.MAPPER.readTree("{\"balance\": 100.5}")));
	}

	private static QubeErrorCode codeOf(String code, String detail) {
		Envelope envelope = QubeJson.parseEnvelope(
				"{\"success\": false, \"error\": {\"code\": \"" + code + "\", \"detail\": \"" + detail + "\"}}");
		assertThat(envelope.errorDetail()).isEqualTo(detail);
		return QubeErrorCode.fromWire(envelope.errorCode());
	}

}
