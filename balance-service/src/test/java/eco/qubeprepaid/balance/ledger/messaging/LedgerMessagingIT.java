package eco.qubeprepaid.balance.ledger.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eco.qubeprepaid.balance.BalanceIntegrationTest;
import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.BalanceDebited;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.ReadingQuarantined;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.events.TopUpCaptured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Snapshots and top-ups through the real broker into the real database, and the resulting
 * events back out through the outbox.
 */
class LedgerMessagingIT extends BalanceIntegrationTest {

	private static final Instant T0 = Instant.parse("2025-09-07T04:30:00Z");

	private static final String DEVICE = "QUBE-ONE-5EED00000101";

	@Test
	void debitsASnapshotAndPublishesBalanceDebited() {
		String premise = newPremise();
		try (TopicReader events = new TopicReader(Topics.BALANCE_EVENTS)) {
			publish(Topics.DEVICE_SNAPSHOTS, snapshot(premise, DEVICE, 1, "1000.000", T0, TariffKind.EB));
			DeviceSnapshotted second = snapshot(premise, DEVICE, 1, "1001.234", T0.plusSeconds(600), TariffKind.EB);
			publish(Topics.DEVICE_SNAPSHOTS, second);

			// 1.234 kWh at 500 paise/kWh = 617 paise.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(walletBalance(premise)).isEqualTo(-617));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				List<ConsumerRecord<String, byte[]>> records = events.recordsWithKey(premise);
				assertThat(records).hasSize(1);
				ConsumerRecord<String, byte[]> record = records.get(0);
				assertThat(header(record, Headers.EVENT_TYPE)).isEqualTo("balance-debited");
				BalanceDebited debited = (BalanceDebited) this.codec.decode("balance-debited", 1, record.value());
				assertThat(header(record, Headers.EVENT_ID)).isEqualTo(debited.eventId().toString());
				assertThat(debited.sourceEventId()).isEqualTo(second.eventId());
				assertThat(debited.amountPaise()).isEqualTo(617);
				assertThat(debited.energyKwh()).isEqualByComparingTo("1.234");
				assertThat(debited.balanceAfterPaise()).isEqualTo(-617);
			});
		}
	}

	@Test
	void debitsOncePerSnapshotWhenDeliveredTwice() {
		String premise = newPremise();
		publish(Topics.DEVICE_SNAPSHOTS, snapshot(premise, DEVICE, 1, "50.000", T0, TariffKind.DG));
		DeviceSnapshotted billed = snapshot(premise, DEVICE, 1, "50.500", T0.plusSeconds(300), TariffKind.DG);
		publish(Topics.DEVICE_SNAPSHOTS, billed);
		publish(Topics.DEVICE_SNAPSHOTS, billed);
		DeviceSnapshotted marker = snapshot(premise, DEVICE, 1, "50.600", T0.plusSeconds(400), TariffKind.DG);
		publish(Topics.DEVICE_SNAPSHOTS, marker);

		// 0.5 kWh + 0.1 kWh of DG at 800 paise/kWh = 400 + 80 paise; the repeat adds
		// nothing.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(walletBalance(premise)).isEqualTo(-480));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE idempotency_key = ?",
				Long.class, "snapshot:" + billed.eventId()))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT energy_mwh FROM tariff_segment WHERE premise_id = ?", Long.class,
				premise))
			.isEqualTo(600_000);
	}

	@Test
	void creditsATopUpOnceWhenDeliveredTwiceOrReportedUnderAnotherEventId() {
		String premise = newPremise();
		String payment = "pay_" + UUID.randomUUID();
		TopUpCaptured topUp = new TopUpCaptured(UUID.randomUUID(), T0, premise, payment, 50_000, "sandbox-pay",
				T0.minusSeconds(5));
		try (TopicReader events = new TopicReader(Topics.BALANCE_EVENTS)) {
			publish(Topics.PAYMENTS, topUp);
			publish(Topics.PAYMENTS, topUp);
			publish(Topics.PAYMENTS, new TopUpCaptured(UUID.randomUUID(), T0.plusSeconds(1), premise, payment, 50_000,
					"sandbox-pay", T0.minusSeconds(5)));
			TopUpCaptured marker = new TopUpCaptured(UUID.randomUUID(), T0.plusSeconds(2), premise,
					"pay_" + UUID.randomUUID(), 100, "sandbox-pay", T0);
			publish(Topics.PAYMENTS, marker);

			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(walletBalance(premise)).isEqualTo(50_100));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				List<BalanceCredited> credited = events.recordsWithKey(premise)
					.stream()
					.map((r) -> (BalanceCredited) this.codec.decode(header(r, Headers.EVENT_TYPE), 1, r.value()))
					.toList();
				assertThat(credited).extracting(BalanceCredited::paymentId)
					.containsExactly(payment, marker.paymentId());
				assertThat(credited).extracting(BalanceCredited::balanceAfterPaise).containsExactly(50_000L, 50_100L);
			});
		}
	}

	@Test
	void deadLettersAMalformedRecordWithItsReasonAndGoesOn() {
		String premise = newPremise();
		try (TopicReader dlt = new TopicReader(Topics.PAYMENTS + ".dlt")) {
			String negative = """
					{"eventId":"%s","occurredAt":"2025-09-07T04:30:00Z","premiseId":"%s","paymentId":"pay_bad",
					 "amountPaise":-5,"gateway":"g","capturedAt":"2025-09-07T04:30:00Z"}""".formatted(UUID.randomUUID(),
					premise);
			publishRaw(Topics.PAYMENTS, premise, negative.getBytes(StandardCharsets.UTF_8),
					Map.of(Headers.EVENT_TYPE, "top-up-captured", Headers.EVENT_VERSION, "1"));
			publishRaw(Topics.PAYMENTS, premise, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
			TopUpCaptured wrongKey = new TopUpCaptured(UUID.randomUUID(), T0, premise, "pay_" + UUID.randomUUID(), 10,
					"sandbox-pay", T0);
			var encoded = this.codec.encode(wrongKey);
			publishRaw(Topics.PAYMENTS, premise + ".other", encoded.payload(),
					Map.of(Headers.EVENT_TYPE, "top-up-captured", Headers.EVENT_VERSION, "1"));
			publish(Topics.PAYMENTS, new TopUpCaptured(UUID.randomUUID(), T0, premise, "pay_" + UUID.randomUUID(), 700,
					"sandbox-pay", T0));

			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(walletBalance(premise)).isEqualTo(700));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				List<String> reasons = new java.util.ArrayList<>();
				dlt.recordsWithKey(premise).forEach((r) -> reasons.add(header(r, Headers.DLT_REASON)));
				dlt.recordsWithKey(premise + ".other").forEach((r) -> reasons.add(header(r, Headers.DLT_REASON)));
				assertThat(reasons).hasSize(3);
				assertThat(reasons).anySatisfy((r) -> assertThat(r).contains("amountPaise must be more than zero"));
				assertThat(reasons).anySatisfy((r) -> assertThat(r).contains("missing header qp-event-type"));
				assertThat(reasons).anySatisfy((r) -> assertThat(r).contains("is not the premiseId"));
			});
		}
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM ledger_transaction WHERE premise_id = ? AND idempotency_key = 'topup:pay_bad'",
				Long.class, premise))
			.isZero();
	}

	@Test
	void quarantinesARegisterDropPublishesItAndKeepsBillingFromTheLastGoodReading() {
		String premise = newPremise();
		try (TopicReader events = new TopicReader(Topics.BALANCE_EVENTS)) {
			publish(Topics.DEVICE_SNAPSHOTS, snapshot(premise, DEVICE, 1, "800.000", T0, TariffKind.EB));
			DeviceSnapshotted drop = snapshot(premise, DEVICE, 1, "300.000", T0.plusSeconds(600), TariffKind.EB);
			publish(Topics.DEVICE_SNAPSHOTS, drop);
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "801.000", T0.plusSeconds(1200), TariffKind.EB));

			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(walletBalance(premise)).isEqualTo(-500));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				List<String> types = events.recordsWithKey(premise)
					.stream()
					.map((r) -> header(r, Headers.EVENT_TYPE))
					.toList();
				assertThat(types).containsExactly("reading-quarantined", "balance-debited");
				ReadingQuarantined quarantined = (ReadingQuarantined) this.codec.decode("reading-quarantined", 1,
						events.recordsWithKey(premise).get(0).value());
				assertThat(quarantined.sourceEventId()).isEqualTo(drop.eventId());
				assertThat(quarantined.reason()).isEqualTo("register-drop");
			});
		}
	}

	@Test
	void retriesATransientDatabaseFailureAndAppliesTheRecordOnce() {
		String premise = newPremise();
		TopUpCaptured topUp = new TopUpCaptured(UUID.randomUUID(), T0, premise, "pay_" + UUID.randomUUID(), 321,
				"sandbox-pay", T0);
		// The first two attempts fail like a serialization failure would, after the
		// ledger
		// rows of the attempt were written; the third succeeds.
		String suffix = topUp.eventId().toString().replace("-", "");
		this.jdbc.execute("CREATE SEQUENCE flaky_" + suffix);
		this.jdbc.execute("CREATE FUNCTION flaky_" + suffix + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
				+ " IF NEW.message_key = '" + premise + "' AND nextval('flaky_" + suffix + "') <= 2 THEN"
				+ " RAISE EXCEPTION 'simulated transient failure' USING ERRCODE = '40001'; END IF; RETURN NEW; END $$");
		this.jdbc.execute("CREATE TRIGGER flaky_" + suffix + " AFTER INSERT ON outbox FOR EACH ROW"
				+ " EXECUTE FUNCTION flaky_" + suffix + "()");
		try {
			publish(Topics.PAYMENTS, topUp);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(walletBalance(premise)).isEqualTo(321));
			assertThat(this.jdbc.queryForObject("SELECT last_value FROM flaky_" + suffix, Long.class)).isEqualTo(3);
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE premise_id = ?",
					Long.class, premise))
				.isEqualTo(1);
		}
		finally {
			this.jdbc.execute("DROP TRIGGER flaky_" + suffix + " ON outbox");
		}
	}

	@Test
	void appliesTheRecordsAroundAPoisonSnapshotInABatchAndDeadLettersItWithTheDatabaseReason() {
		String premise = newPremise();
		String poisoned = newPremise();
		String malformed = newPremise();
		try (TopicReader dlt = new TopicReader(Topics.DEVICE_SNAPSHOTS + ".dlt")) {
			publish(Topics.DEVICE_SNAPSHOTS, snapshot(premise, DEVICE, 1, "10.000", T0, TariffKind.EB));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.jdbc
					.queryForObject("SELECT count(*) FROM meter_state WHERE premise_id = ?", Long.class, premise))
					.isEqualTo(1));
			// Sent back to back, so that they mostly arrive in one poll: the NUL in the
			// device id passes decoding but PostgreSQL refuses it, failing the batch.
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "11.000", T0.plusSeconds(300), TariffKind.EB));
			publish(Topics.DEVICE_SNAPSHOTS, snapshot(poisoned, "QUBE-\u0000-BAD", 1, "5.000", T0, TariffKind.EB));
			publishRaw(Topics.DEVICE_SNAPSHOTS, malformed, "{}".getBytes(StandardCharsets.UTF_8),
					Map.of(Headers.EVENT_TYPE, "device-snapshotted", Headers.EVENT_VERSION, "1"));
			publish(Topics.DEVICE_SNAPSHOTS,
					snapshot(premise, DEVICE, 1, "12.500", T0.plusSeconds(600), TariffKind.EB));

			// 2.5 kWh at 500 paise/kWh: both snapshots around the bad records are billed.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(walletBalance(premise)).isEqualTo(-1_250));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(dlt.recordsWithKey(poisoned)).singleElement()
					.satisfies((r) -> assertThat(header(r, Headers.DLT_REASON)).contains("0x00"));
				assertThat(dlt.recordsWithKey(malformed)).singleElement()
					.satisfies((r) -> assertThat(header(r, Headers.DLT_REASON))
						.startsWith("invalid 'device-snapshotted' payload"));
			});
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM account WHERE premise_id = ?", Long.class, poisoned))
			.as("nothing of the poisoned snapshot is half-applied")
			.isZero();
	}

}
