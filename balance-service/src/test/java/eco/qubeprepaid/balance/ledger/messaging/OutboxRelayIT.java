package eco.qubeprepaid.balance.ledger.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.balance.BalanceIntegrationTest;
import eco.qubeprepaid.balance.ledger.application.TopUpCrediting;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.events.TopUpCaptured;
import eco.qubeprepaid.service.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * balance-service's outbox, wired to the shared relay, keeps what was committed when the
 * process cannot send: events committed while the relay is down are published once it is
 * back, and rows whose publication was not recorded are sent again under the same event
 * id.
 */
class OutboxRelayIT extends BalanceIntegrationTest {

	private static final Instant T0 = Instant.parse("2025-09-07T04:30:00Z");

	@Autowired
	OutboxRelay relay;

	@Autowired
	TopUpCrediting topUps;

	@Test
	void publishesEventsCommittedWhileTheRelayWasDown() {
		String premise = newPremise();
		try (TopicReader events = new TopicReader(Topics.BALANCE_EVENTS)) {
			this.relay.stop();
			try {
				this.topUps.apply(new TopUpCaptured(UUID.randomUUID(), T0, premise, "pay_" + UUID.randomUUID(), 1234,
						"sandbox-pay", T0));
				assertThat(pendingRows(premise)).isEqualTo(1);
				assertThat(events.recordsWithKey(premise)).isEmpty();
			}
			finally {
				this.relay.start();
			}
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(events.recordsWithKey(premise)).hasSize(1);
				assertThat(pendingRows(premise)).isZero();
			});
		}
	}

	@Test
	void republishesUnderTheSameEventIdWhenAPublicationWasNotRecorded() {
		String premise = newPremise();
		try (TopicReader events = new TopicReader(Topics.BALANCE_EVENTS)) {
			this.topUps.apply(new TopUpCaptured(UUID.randomUUID(), T0, premise, "pay_" + UUID.randomUUID(), 99,
					"sandbox-pay", T0));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(events.recordsWithKey(premise)).hasSize(1));
			// A crash after the broker's acknowledgement and before the commit leaves the
			// row
			// unpublished; the relay sends it again.
			this.jdbc.update("UPDATE outbox SET published_at = NULL WHERE message_key = ?", premise);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				List<ConsumerRecord<String, byte[]>> records = events.recordsWithKey(premise);
				assertThat(records).hasSize(2);
				assertThat(records).extracting((r) -> header(r, Headers.EVENT_ID))
					.containsOnly(this.jdbc.queryForObject("SELECT event_id::text FROM outbox WHERE message_key = ?",
							String.class, premise));
			});
		}
	}

	private long pendingRows(String premise) {
		Long count = this.jdbc.queryForObject(
				"SELECT count(*) FROM outbox WHERE message_key = ? AND published_at IS NULL", Long.class, premise);
		return (count != null) ? count : 0;
	}

}
