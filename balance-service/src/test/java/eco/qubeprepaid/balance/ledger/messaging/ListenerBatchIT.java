package eco.qubeprepaid.balance.ledger.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import eco.qubeprepaid.balance.BalanceIntegrationTest;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.BatchListenerFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The snapshot listener's handling of one poll's batch, called directly with records of
 * its choosing (the broker decides how records are batched, so this is where the exact
 * shapes are pinned down): the records before a bad one are committed, the bad one is
 * named by its index for the error handler, and nothing after it is applied.
 */
class ListenerBatchIT extends BalanceIntegrationTest {

	private static final Instant T0 = Instant.parse("2025-09-07T04:30:00Z");

	private static final String DEVICE = "QUBE-ONE-5EED00000102";

	@Autowired
	LedgerListeners listeners;

	@Test
	void aPoisonRecordIsIsolatedAndNamedByItsIndexAfterTheRecordsBeforeItCommit() {
		String premise = newPremise();
		String poisoned = newPremise();
		List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
		batch.add(record(snapshot(premise, DEVICE, 1, "10.000", T0, TariffKind.EB)));
		batch.add(record(snapshot(premise, DEVICE, 1, "11.000", T0.plusSeconds(300), TariffKind.EB)));
		batch.add(record(snapshot(poisoned, "QUBE-\u0000-BAD", 1, "5.000", T0, TariffKind.EB)));
		batch.add(record(snapshot(premise, DEVICE, 1, "13.000", T0.plusSeconds(600), TariffKind.EB)));

		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.listeners.onSnapshots(batch))
			.satisfies((ex) -> assertThat(ex.getIndex()).isEqualTo(2));

		// The two records before it are applied one at a time after the batch failed; the
		// one after it waits for redelivery.
		assertThat(walletBalance(premise)).isEqualTo(-500);
		assertThat(processed(batch.get(3))).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM account WHERE premise_id = ?", Long.class, poisoned))
			.isZero();

		// Redelivered from the record after the dead-lettered one, the rest applies.
		this.listeners.onSnapshots(batch.subList(3, 4));
		assertThat(walletBalance(premise)).isEqualTo(-1_500);
	}

	@Test
	void aMalformedRecordIsNamedByItsIndexAfterTheRecordsBeforeItCommit() {
		String premise = newPremise();
		List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
		batch.add(record(snapshot(premise, DEVICE, 1, "20.000", T0, TariffKind.DG)));
		batch.add(record(snapshot(premise, DEVICE, 1, "20.500", T0.plusSeconds(300), TariffKind.DG)));
		ConsumerRecord<String, byte[]> bad = new ConsumerRecord<>(Topics.DEVICE_SNAPSHOTS, 0, 2, premise,
				"{}".getBytes(StandardCharsets.UTF_8));
		batch.add(bad);
		batch.add(record(snapshot(premise, DEVICE, 1, "21.000", T0.plusSeconds(600), TariffKind.DG)));

		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.listeners.onSnapshots(batch))
			.satisfies((ex) -> {
				assertThat(ex.getIndex()).isEqualTo(2);
				assertThat(ex).hasRootCauseMessage("missing header " + Headers.EVENT_TYPE);
			});

		// 0.5 kWh of DG at 800 paise/kWh.
		assertThat(walletBalance(premise)).isEqualTo(-400);
		assertThat(processed(batch.get(3))).isZero();
	}

	@Test
	void aBatchRepeatingAnEventAppliesItOnce() {
		String premise = newPremise();
		ConsumerRecord<String, byte[]> baseline = record(snapshot(premise, DEVICE, 1, "30.000", T0, TariffKind.EB));
		ConsumerRecord<String, byte[]> billed = record(
				snapshot(premise, DEVICE, 1, "31.000", T0.plusSeconds(300), TariffKind.EB));
		this.listeners.onSnapshots(List.of(baseline, billed, billed, baseline));
		assertThat(walletBalance(premise)).isEqualTo(-500);
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM consumption WHERE premise_id = ?", Long.class, premise))
			.isOne();
	}

	private long processed(ConsumerRecord<String, byte[]> record) {
		String id = new String(record.headers().lastHeader(Headers.EVENT_ID).value(), StandardCharsets.UTF_8);
		return this.jdbc.queryForObject("SELECT count(*) FROM processed_events WHERE event_id = ?::uuid", Long.class,
				id);
	}

	private ConsumerRecord<String, byte[]> record(DeviceSnapshotted snapshot) {
		EventCodec.Encoded encoded = this.codec.encode(snapshot);
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.DEVICE_SNAPSHOTS, 0, 0,
				snapshot.premiseId(), encoded.payload());
		record.headers().add(Headers.EVENT_ID, snapshot.eventId().toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add(Headers.EVENT_TYPE, encoded.type().token().getBytes(StandardCharsets.UTF_8));
		record.headers()
			.add(Headers.EVENT_VERSION, Integer.toString(encoded.type().version()).getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
