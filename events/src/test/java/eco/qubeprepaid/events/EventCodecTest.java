package eco.qubeprepaid.events;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

	private static final Instant NOW = Instant.parse("2025-09-07T18:29:59.123Z");

	private static final String PREMISE = "Building-A.Floor-1.Room-101";

	private final EventCodec codec = new EventCodec();

	static Map<EventType, DomainEvent> samples() {
		Map<EventType, DomainEvent> samples = new EnumMap<>(EventType.class);
		samples.put(EventType.DEVICE_SNAPSHOTTED, new DeviceSnapshotted(UUID.randomUUID(), NOW, PREMISE, "key-1",
				"QUBE-ONE-5EED00000101", 2, true, new BigDecimal("1234.56"), new BigDecimal("850.0"),
				new BigDecimal("230.5"), 25000L, true, MeterMode.PREPAID, 500L, 800L, TariffKind.DG, true,
				OffsetDateTime.of(2025, 9, 7, 23, 59, 59, 0, ZoneId.of("Asia/Kolkata").getRules().getOffset(NOW)),
				true));
		samples.put(EventType.DEVICE_COMMAND_REQUESTED,
				new DeviceCommandRequested(UUID.randomUUID(), NOW, PREMISE, UUID.randomUUID(),
						DeviceCommand.SET_BALANCE, 50000L, "top-up", "balance-service", NOW.plusSeconds(3600), 7L,
						1200L));
		samples.put(EventType.DEVICE_COMMAND_COMPLETED, new DeviceCommandCompleted(UUID.randomUUID(), NOW, PREMISE,
				UUID.randomUUID(), DeviceCommand.RELAY_OFF, "QUBE-ONE-5EED00000101", false, 0L, 1));
		samples.put(EventType.DEVICE_COMMAND_FAILED, new DeviceCommandFailed(UUID.randomUUID(), NOW, PREMISE,
				UUID.randomUUID(), DeviceCommand.RELAY_ON, null, "expired", "meter offline until expiry", 12));
		samples.put(EventType.DEVICE_IDENTITY_MISSING, new DeviceIdentityMissing(UUID.randomUUID(), NOW,
				"unidentified:QUBE-ONE-5EED00000102", "key-1", "QUBE-ONE-5EED00000102", 123L, "Room 102", "udf1"));
		samples.put(EventType.BALANCE_DEBITED, new BalanceDebited(UUID.randomUUID(), NOW, PREMISE, UUID.randomUUID(),
				new BigDecimal("0.333"), TariffKind.EB, 500, 16, -120));
		samples.put(EventType.BALANCE_CREDITED, new BalanceCredited(UUID.randomUUID(), NOW, PREMISE, "pay_Q1", 50000,
				49880, BalanceCredited.SOURCE_TOP_UP));
		samples.put(EventType.BALANCE_WITHDRAWN,
				new BalanceWithdrawn(UUID.randomUUID(), NOW, PREMISE, "refund:3f1c0b52-6f0e-4a55-9a55-1a2b3c4d5e6f",
						20000, 29880, BalanceWithdrawn.SOURCE_REFUND, "tenant moved out"));
		samples.put(EventType.SUPPLY_RESTORE_OVERDUE, new SupplyRestoreOverdue(UUID.randomUUID(), NOW, PREMISE,
				NOW.minusSeconds(600), 50000, 3, "insufficient_balance"));
		samples.put(EventType.LOW_BALANCE_REACHED,
				new LowBalanceReached(UUID.randomUUID(), NOW, PREMISE, "10%", 5000, 4990));
		samples.put(EventType.FIXED_CHARGE_DEBITED,
				new FixedChargeDebited(UUID.randomUUID(), NOW, PREMISE, LocalDate.of(2025, 9, 7), 1000, 48880));
		samples.put(EventType.READING_QUARANTINED, new ReadingQuarantined(UUID.randomUUID(), NOW, PREMISE,
				UUID.randomUUID(), "QUBE-ONE-5EED00000101", 2, new BigDecimal("12.5"), new BigDecimal("1234.56"),
				"register-drop", "register fell from 1234.56 to 12.5 kWh, more than a reset could explain",
				OffsetDateTime.of(2025, 9, 7, 23, 59, 59, 0, ZoneId.of("Asia/Kolkata").getRules().getOffset(NOW))));
		samples.put(EventType.BALANCE_DRIFT_DETECTED, new BalanceDriftDetected(UUID.randomUUID(), NOW, PREMISE,
				UUID.randomUUID(), -250, 4000, 0, 4000, 2000, "METER",
				OffsetDateTime.of(2025, 9, 7, 23, 59, 59, 0, ZoneId.of("Asia/Kolkata").getRules().getOffset(NOW))));
		samples.put(EventType.TOP_UP_CAPTURED, new TopUpCaptured(UUID.randomUUID(), NOW, PREMISE, "pay_Q1", 50000,
				"sandbox-pay", NOW.minusSeconds(2)));
		UUID tenant = UUID.randomUUID();
		samples.put(EventType.TENANT_MOVED_IN, new TenantMovedIn(UUID.randomUUID(), NOW, PREMISE, tenant, "Asha Verma",
				"+919876543210", "asha@example.in", "hi"));
		samples.put(EventType.TENANT_MOVED_OUT, new TenantMovedOut(UUID.randomUUID(), NOW, PREMISE, tenant));
		samples.put(EventType.TENANT_LANGUAGE_CHOSEN,
				new TenantLanguageChosen(UUID.randomUUID(), NOW, PREMISE, tenant, "en"));
		samples.put(EventType.TOP_UP_FAILED,
				new TopUpFailed(UUID.randomUUID(), NOW, PREMISE, UUID.randomUUID(), 50000, "payment_declined"));
		samples.put(EventType.CUTOFF_SCHEDULED,
				new CutoffScheduled(UUID.randomUUID(), NOW, PREMISE, NOW.plusSeconds(36000), -250));
		samples.put(EventType.METER_OFFLINE,
				new MeterOffline(UUID.randomUUID(), NOW, PREMISE, "QUBE-1", NOW.minusSeconds(1800)));
		return samples;
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void everyTypeRoundTripsThroughJsonUnchanged(EventType type) {
		DomainEvent event = samples().get(type);
		assertThat(event).as("a sample for every event type").isNotNull();

		EventCodec.Encoded encoded = this.codec.encode(event);
		DomainEvent decoded = this.codec.decode(encoded.type().token(), encoded.type().version(), encoded.payload());

		assertThat(encoded.type()).isEqualTo(type);
		assertThat(decoded).isEqualTo(event);
		assertThat(new String(encoded.payload(), StandardCharsets.UTF_8)).doesNotContain("eco.qubeprepaid");
	}

	@Test
	void tokensAreUniqueAndVersioned() {
		assertThat(EventType.values()).extracting(EventType::token).doesNotHaveDuplicates();
		assertThat(EventType.ofToken("device-snapshotted")).contains(EventType.DEVICE_SNAPSHOTTED);
		assertThat(EventType.ofToken("DeviceSnapshotted")).isEmpty();
	}

	@Test
	void keepsTheIstOffsetOfMeterTimestamps() {
		DeviceSnapshotted event = (DeviceSnapshotted) samples().get(EventType.DEVICE_SNAPSHOTTED);
		String json = this.codec.toJson(event);
		assertThat(json).contains("\"observedAt\":\"2025-09-07T23:59:59+05:30\"").contains("\"energyKwh\":1234.56");
	}

	@Test
	void rejectsUnknownTypeToken() {
		assertThatThrownBy(() -> this.codec.decode("nope", 1, "{}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("unknown event type token 'nope'");
	}

	@Test
	void rejectsUnsupportedVersion() {
		assertThatThrownBy(() -> this.codec.decode("top-up-captured", 7, "{}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("unsupported version 7");
	}

	@Test
	void rejectsUnparseableJson() {
		assertThatThrownBy(() -> this.codec.decode("top-up-captured", 1, "{not json".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("invalid 'top-up-captured' payload");
	}

	@Test
	void rejectsPayloadThatViolatesTheRecordsRules() {
		String negative = """
				{"eventId":"%s","occurredAt":"2025-09-07T18:29:59Z","premiseId":"p","paymentId":"pay_1",
				 "amountPaise":-5,"gateway":"g","capturedAt":"2025-09-07T18:29:59Z"}""".formatted(UUID.randomUUID());
		assertThatThrownBy(() -> this.codec.decode("top-up-captured", 1, negative.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("amountPaise must be more than zero, was -5");
	}

	@Test
	void rejectsPayloadWithMissingRequiredField() {
		String missing = """
				{"eventId":"%s","occurredAt":"2025-09-07T18:29:59Z","paymentId":"pay_1",
				 "amountPaise":500,"gateway":"g","capturedAt":"2025-09-07T18:29:59Z"}""".formatted(UUID.randomUUID());
		assertThatThrownBy(() -> this.codec.decode("top-up-captured", 1, missing.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("premiseId");
	}

	@Test
	void ignoresFieldsAddedLaterWithinAVersion() {
		DomainEvent event = samples().get(EventType.BALANCE_CREDITED);
		String json = this.codec.toJson(event).replaceFirst("\\{", "{\"addedInALaterRelease\":42,");
		assertThat(this.codec.decode("balance-credited", 1, json.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
	}

	@Test
	void setBalanceCommandRequiresAnAmountAndOthersRefuseOne() {
		assertThatThrownBy(() -> new DeviceCommandRequested(UUID.randomUUID(), NOW, PREMISE, UUID.randomUUID(),
				DeviceCommand.SET_BALANCE, null, "top-up", "payment-service", NOW.plusSeconds(60), null, null))
			.hasMessageContaining("balancePaise is required");
		assertThatThrownBy(() -> new DeviceCommandRequested(UUID.randomUUID(), NOW, PREMISE, UUID.randomUUID(),
				DeviceCommand.RELAY_OFF, 100L, "credit-exhausted", "balance-service", NOW.plusSeconds(60), null, null))
			.hasMessageContaining("only allowed with SET_BALANCE");
		assertThatThrownBy(() -> new DeviceCommandRequested(UUID.randomUUID(), NOW, PREMISE, UUID.randomUUID(),
				DeviceCommand.RELAY_ON, null, "credit-restored", "balance-service", NOW.plusSeconds(60), 3L, 0L))
			.hasMessageContaining("expectedMeterBalancePaise is only allowed with SET_BALANCE");
		assertThatThrownBy(() -> new DeviceCommandRequested(UUID.randomUUID(), NOW, PREMISE, UUID.randomUUID(),
				DeviceCommand.RELAY_ON, null, "credit-restored", "balance-service", NOW.plusSeconds(60), -1L, null))
			.hasMessageContaining("sequence must be zero or more");
	}

	@Test
	void decodesThePayloadOfAnOlderProducerWithTheFieldsAddedLaterAsNull() {
		// As written before sequence, expectedMeterBalancePaise (commands), hasRelay
		// (snapshots) and source (credits) were added within version 1.
		UUID commandId = UUID.randomUUID();
		String command = """
				{"eventId":"%s","occurredAt":"2025-09-07T18:29:59Z","premiseId":"%s","commandId":"%s",
				 "command":"RELAY_ON","balancePaise":null,"reason":"credit-restored","requestedBy":"balance-service",
				 "expiresAt":"2025-09-07T19:29:59Z"}""".formatted(UUID.randomUUID(), PREMISE, commandId);
		DeviceCommandRequested decoded = (DeviceCommandRequested) this.codec.decode("device-command-requested", 1,
				command.getBytes(StandardCharsets.UTF_8));
		assertThat(decoded.commandId()).isEqualTo(commandId);
		assertThat(decoded.sequence()).isNull();
		assertThat(decoded.expectedMeterBalancePaise()).isNull();

		String credit = """
				{"eventId":"%s","occurredAt":"2025-09-07T18:29:59Z","premiseId":"%s","paymentId":"pay_1",
				 "amountPaise":500,"balanceAfterPaise":500}""".formatted(UUID.randomUUID(), PREMISE);
		assertThat(((BalanceCredited) this.codec.decode("balance-credited", 1, credit.getBytes(StandardCharsets.UTF_8)))
			.source()).isNull();

		DeviceSnapshotted snapshot = (DeviceSnapshotted) samples().get(EventType.DEVICE_SNAPSHOTTED);
		String older = this.codec.toJson(snapshot).replace(",\"hasRelay\":true", "");
		assertThat(older).doesNotContain("hasRelay");
		assertThat(
				((DeviceSnapshotted) this.codec.decode("device-snapshotted", 1, older.getBytes(StandardCharsets.UTF_8)))
					.hasRelay())
			.isNull();
	}

	@Test
	void stillRefusesAMissingCountOrFlag() {
		String missingAttempts = """
				{"eventId":"%s","occurredAt":"2025-09-07T18:29:59Z","premiseId":"%s","commandId":"%s",
				 "command":"RELAY_ON","deviceId":"QUBE-ONE-5EED00000101","relayOn":true}""".formatted(UUID.randomUUID(),
				PREMISE, UUID.randomUUID());
		assertThatThrownBy(() -> this.codec.decode("device-command-completed", 1,
				missingAttempts.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("int");
	}

}
