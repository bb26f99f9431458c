package eco.qubeprepaid.poller.schedule;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.BalanceDebited;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.LowBalanceReached;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.poller.schedule.application.Schedulers;
import eco.qubeprepaid.poller.schedule.domain.PollScheduler;
import eco.qubeprepaid.poller.support.EventTap;
import eco.qubeprepaid.poller.support.PollerIntegrationTest;
import eco.qubeprepaid.poller.support.Premises;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger's balance events, published on the real broker as balance-service publishes
 * them, steer the real poller: a POSTPAID premise whose meter balance stays flat but
 * whose wallet runs down is polled more often than any other meter of its key.
 */
class LedgerBalanceIT extends PollerIntegrationTest {

	private static final Duration WINDOW = Duration.ofSeconds(40);

	/** The poller's name of this test's own key. */
	private static final String KEY = "ledger-1";

	/** The meters of that key (see {@code SandboxServer}). */
	private static final int METERS = 15;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Schedulers schedulers;

	@Autowired
	MeterRegistry meters;

	@Test
	void aPostpaidPremiseWhoseLedgerRunsDownIsPolledMoreOftenThanEveryOtherMeterOfItsKey() throws Exception {
		// The key is this test's own (SandboxServer.LEDGER_KEY): a budget shared with the
		// other tests was spent in their bursts of command writes and read-backs, and the
		// window then saw almost no polls (the failure seen on fresh clones: both poll
		// workers waited for the budget for half the window).
		Map<String, Object> premise = await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> Premises.pick(this.jdbc, KEY, Premises::onlinePostpaidWithSupply, List.of()),
					(row) -> row != null);
		String premiseId = (String) premise.get("premise_id");
		Instant testStart = this.clock.instant();
		// Every meter of the key polled since the test began: the budget is in its
		// steady state, not in the burst of the first reads.
		await().atMost(Duration.ofSeconds(90))
			.until(() -> this.tap
				.of(DeviceSnapshotted.class,
						(s) -> s.apiKeyName().equals(KEY) && s.observedAt().toInstant().isAfter(testStart))
				.stream()
				.map(EventTap.Keyed::key)
				.distinct()
				.count() >= METERS);
		PollScheduler scheduler = this.schedulers.of(KEY).orElseThrow();
		assertThat(scheduler.timeToZero(premiseId)).as("a flat meter balance gives no prediction").isEmpty();
		long applied = balances("applied");
		long malformed = balances("malformed");
		long unknown = balances("unknown_premise");

		// On the premise's partition, ahead of the debits: a record that does not decode
		// and an event type the poller does not read; neither may stop the feed.
		ProducerRecord<String, byte[]> broken = new ProducerRecord<>(Topics.BALANCE_EVENTS, premiseId,
				"{not json".getBytes(StandardCharsets.UTF_8));
		broken.headers().add(Headers.EVENT_TYPE, "balance-debited".getBytes(StandardCharsets.UTF_8));
		broken.headers().add(Headers.EVENT_VERSION, "1".getBytes(StandardCharsets.UTF_8));
		this.kafka.send(broken).get(30, TimeUnit.SECONDS);
		Instant now = this.clock.instant();
		send(new LowBalanceReached(UUID.randomUUID(), now, premiseId, "10%", 1_000L, 900L));
		send(new BalanceDebited(UUID.randomUUID(), now, "Nowhere.Flat-000", UUID.randomUUID(), BigDecimal.ONE,
				TariffKind.EB, 500L, 500L, 100L));
		// The wallet falls 2000 paise a minute (120000 paise/h) to 1000: 30 s left,
		// revisited at the minimum interval (5 s) instead of the floor (40 s).
		long balance = 5_000L;
		for (Instant at = now.minusSeconds(120); !at.isAfter(now); at = at.plusSeconds(60)) {
			send(debit(premiseId, at, balance));
			balance -= 2_000L;
		}

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(balances("applied") - applied).isEqualTo(3);
			assertThat(balances("malformed") - malformed).isEqualTo(1);
			assertThat(balances("unknown_premise") - unknown).isEqualTo(1);
			assertThat(scheduler.timeToZero(premiseId)).contains(Duration.ofSeconds(30));
		});
		try {
			Instant windowStart = this.clock.instant();
			Instant windowEnd = windowStart.plus(WINDOW);
			await().atMost(WINDOW.plusSeconds(10))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> this.clock.instant().isAfter(windowEnd));
			// Count once the tap has read everything published by the window's end.
			Map<TopicPartition, Long> published = EventTap.endOffsets(Topics.DEVICE_SNAPSHOTS);
			await().atMost(Duration.ofSeconds(30)).until(() -> this.tap.caughtUpWith(published));

			Map<String, Long> polls = this.tap.of(DeviceSnapshotted.class,
					(s) -> s.apiKeyName().equals(KEY) && s.online() && s.observedAt().toInstant().isAfter(windowStart)
							&& !s.observedAt().toInstant().isAfter(windowEnd))
				.stream()
				.collect(Collectors.groupingBy((k) -> k.key(), Collectors.counting()));
			long target = polls.getOrDefault(premiseId, 0L);
			long mostOfTheOthers = polls.entrySet()
				.stream()
				.filter((e) -> !e.getKey().equals(premiseId))
				.mapToLong(Map.Entry::getValue)
				.max()
				.orElse(0);
			List<String> targetTimes = this.tap.of(DeviceSnapshotted.class, (s) -> s.apiKeyName().equals(KEY))
				.stream()
				.filter((k) -> k.key().equals(premiseId))
				.map((k) -> k.event().observedAt().toLocalTime().toString())
				.toList();
			System.out.printf(Locale.ROOT,
					"[ledger-feed] %d s window %s..%s: target polled %d times, others at most %d (%s); target now: %s;"
							+ " target's snapshots: %s%n",
					WINDOW.toSeconds(), windowStart, windowEnd, target, mostOfTheOthers, polls,
					scheduler.describe(premiseId, this.clock.instant()), targetTimes);

			// Due every 5 s it heads the due queue, while the others share what is left
			// of the budget; without a prediction it would be read like them.
			assertThat(target).isGreaterThanOrEqualTo(6).isGreaterThan(mostOfTheOthers + 2);
		}
		finally {
			// A top-up lifts the premise out of the fast lane again, for the tests that
			// share this context.
			send(new BalanceCredited(UUID.randomUUID(), this.clock.instant(), premiseId, "test-" + UUID.randomUUID(),
					1_000_000L, 1_001_000L, BalanceCredited.SOURCE_TOP_UP));
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(scheduler.timeToZero(premiseId))
				.hasValueSatisfying((left) -> assertThat(left).isGreaterThan(Duration.ofHours(8))));
	}

	private static BalanceDebited debit(String premiseId, Instant at, long balanceAfterPaise) {
		return new BalanceDebited(UUID.randomUUID(), at, premiseId, UUID.randomUUID(), new BigDecimal("4.000"),
				TariffKind.EB, 500L, 2_000L, balanceAfterPaise);
	}

	/** A counter of updates (a whole number, kept by Micrometer as a double). */
	private long balances(String outcome) {
		return Math.round(this.meters.get("poller.ledger.balances").tag("outcome", outcome).counter().count());
	}

}
