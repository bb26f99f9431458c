package eco.qubeprepaid.service.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.MalformedEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one consumer error handler of the project's services. For a record that failed:
 * <ul>
 * <li><b>malformed</b> (a {@link MalformedEventException} or an
 * {@link IllegalArgumentException}: it can never be applied) &mdash; to
 * {@code <topic>.dlt} at once, unchanged, with the reason in {@link Headers#DLT_REASON};
 * </li>
 * <li><b>transient</b> ({@link TransientFailures}: the database or the broker away)
 * &mdash; retried in place without a limit, with exponential back-off up to a ceiling, so
 * that an outage never dead-letters an accepted record and the partition's order is
 * kept;</li>
 * <li><b>anything else</b> &mdash; retried in place {@code retries} times, then to the
 * dead-letter topic; on a {@code precious} topic (payments, commands, their outcomes:
 * records too valuable to set aside) retried without a limit instead, so that the
 * partition stops and the alert on consumer lag fires.</li>
 * </ul>
 * The dead-letter send is awaited before the offset moves on, so a dead-lettered record
 * is never lost. Every dead letter is counted by {@value #COUNTER} (tags {@code topic},
 * the source topic, and {@code reason}, {@code malformed} or {@code exhausted}). The
 * platform builds the one handler of each service from {@code qp.platform.consumer.*}.
 */
public final class ConsumerErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ConsumerErrorHandling.class);

	/** The suffix of dead-letter topics. */
	public static final String DLT_SUFFIX = ".dlt";

	/** The counter of dead letters. */
	public static final String COUNTER = "messaging.dead.letters";

	private ConsumerErrorHandling() {
	}

	/**
	 * Builds the error handler.
	 * @param template the producer of dead letters
	 * @param settings the back-off and retry settings
	 * @param meters where the dead letters are counted
	 * @return the handler
	 */
	public static DefaultErrorHandler errorHandler(KafkaTemplate<?, ?> template, Settings settings,
			MeterRegistry meters) {
		Objects.requireNonNull(settings, "settings");
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1));
		recoverer.setHeadersFunction((record, ex) -> new RecordHeaders(new RecordHeader[] {
				new RecordHeader(Headers.DLT_REASON, reason(ex).getBytes(StandardCharsets.UTF_8)) }));
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			recoverer.accept(record, ex);
			String why = isMalformed(ex) ? "malformed" : "exhausted";
			counter(meters, record.topic(), why).increment();
			log.error("Record {}-{}@{} sent to {}{} ({}): {}", record.topic(), record.partition(), record.offset(),
					record.topic(), DLT_SUFFIX, why, reason(ex));
		}, unlimited(settings));
		handler.setBackOffFunction((record, ex) -> backOff(record, ex, settings));
		handler.addNotRetryableExceptions(MalformedEventException.class, IllegalArgumentException.class);
		handler.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
		return handler;
	}

	/**
	 * Creates a consumed topic's dead-letter counters at zero, so that the first dead
	 * letter is an increase Prometheus sees (a series that appears at 1 has no increase)
	 * and the dashboards read 0 rather than no data.
	 * @param meters the registry
	 * @param topic a consumed topic
	 */
	public static void registerTopic(MeterRegistry meters, String topic) {
		counter(meters, topic, "malformed");
		counter(meters, topic, "exhausted");
	}

	private static Counter counter(MeterRegistry meters, String topic, String reason) {
		return Counter.builder(COUNTER)
			.description("Records sent to a dead-letter topic")
			.tag("topic", topic)
			.tag("reason", reason)
			.register(meters);
	}

	private static BackOff backOff(ConsumerRecord<?, ?> record, Exception ex, Settings settings) {
		if (TransientFailures.isTransient(ex) || settings.precious().contains(record.topic())) {
			return unlimited(settings);
		}
		ExponentialBackOff bounded = exponential(settings);
		bounded.setMaxAttempts(settings.retries());
		return bounded;
	}

	private static ExponentialBackOff unlimited(Settings settings) {
		return exponential(settings);
	}

	private static ExponentialBackOff exponential(Settings settings) {
		ExponentialBackOff backOff = new ExponentialBackOff(settings.firstInterval().toMillis(), 2.0);
		backOff.setMaxInterval(settings.maxInterval().toMillis());
		return backOff;
	}

	/**
	 * @param failure a failure
	 * @return whether the record can never be applied
	 */
	public static boolean isMalformed(Throwable failure) {
		Throwable root = rootOf(failure);
		return root instanceof MalformedEventException || root instanceof IllegalArgumentException;
	}

	/**
	 * @param failure a failure
	 * @return the reason a dead letter carries
	 */
	public static String reason(Throwable failure) {
		Throwable cause = rootOf(failure);
		String message = (cause.getMessage() != null) ? cause.getMessage() : "(no message)";
		return (cause instanceof MalformedEventException) ? message : cause.getClass().getSimpleName() + ": " + message;
	}

	private static Throwable rootOf(Throwable failure) {
		Throwable cause = failure;
		int depth = 0;
		while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof MalformedEventException)
				&& depth++ < 32) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * How a consumer retries.
	 *
	 * @param firstInterval the first pause (doubling each time)
	 * @param maxInterval the longest pause
	 * @param retries how often a failure that is neither malformed nor transient is
	 * retried before it is dead-lettered
	 * @param precious the topics whose records are dead-lettered only when malformed
	 */
	public record Settings(Duration firstInterval, Duration maxInterval, int retries, Set<String> precious) {

		public Settings {
			Objects.requireNonNull(firstInterval, "firstInterval");
			Objects.requireNonNull(maxInterval, "maxInterval");
			precious = Set.copyOf(precious);
			if (retries < 0 || firstInterval.isNegative() || maxInterval.compareTo(firstInterval) < 0) {
				throw new IllegalArgumentException("need retries >= 0 and 0 <= firstInterval <= maxInterval");
			}
		}

	}

}
