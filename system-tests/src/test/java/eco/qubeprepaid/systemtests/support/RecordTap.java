package eco.qubeprepaid.systemtests.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from the beginning on a thread of its own, as a downstream consumer
 * would, and hands every record to {@link #take}; what is kept is the subclass's. A
 * subclass calls {@link #start} at the end of its constructor, once its own fields are
 * set, as the thread calls {@link #take} from then on.
 */
public abstract class RecordTap implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final Thread thread;

	private final Duration pollTimeout;

	private volatile boolean running = true;

	/**
	 * Subscribes; nothing is read before {@link #start}.
	 * @param bootstrapServers the broker
	 * @param topic the topic
	 * @param groupId the consumer group
	 * @param settings further consumer settings
	 * @param pollTimeout how long one poll waits
	 * @param threadName the reading thread's name
	 */
	protected RecordTap(String bootstrapServers, String topic, String groupId, Map<String, String> settings,
			Duration pollTimeout, String threadName) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
		properties.putAll(settings);
		this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(topic));
		this.pollTimeout = pollTimeout;
		this.thread = new Thread(this::run, threadName);
		this.thread.setDaemon(true);
	}

	/** Starts the reading thread. */
	protected final void start() {
		this.thread.start();
	}

	/**
	 * Takes one record, on the reading thread.
	 * @param record the record
	 */
	protected abstract void take(ConsumerRecord<String, byte[]> record);

	/**
	 * @param record a record
	 * @param name a header's name
	 * @return the header's last value as text, or {@code null} without one
	 */
	protected static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private void run() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(this.pollTimeout)) {
					take(record);
				}
			}
		}
		catch (WakeupException ex) {
			// close() stops the loop.
		}
		finally {
			this.consumer.close();
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
