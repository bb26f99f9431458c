package eco.qubeprepaid.sandbox.messaging.config;

import java.util.Map;

import eco.qubeprepaid.sandbox.messaging.model.MessagingSettings;
import eco.qubeprepaid.sandbox.messaging.model.Messenger;
import eco.qubeprepaid.sandbox.messaging.model.SendCounters;
import eco.qubeprepaid.sandbox.messaging.model.SendOutcome;
import eco.qubeprepaid.sandbox.messaging.model.Wire;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The whole simulated provider (model, receipt deliverer and send counters) with its
 * fixed API key, and how to put it back into its start-up state. A plain object;
 * {@link MessagingConfiguration} makes it a bean.
 */
public class MessagingSimulation {

	/** The Micrometer counter of sends, tagged {@code channel} and {@code outcome}. */
	public static final String REQUESTS_METER = "sandbox.messaging.requests";

	/** The channel tag of a send whose channel could not be read (never free text). */
	public static final String UNKNOWN_CHANNEL = "unknown";

	private final MessagingProperties properties;

	private final Messenger messenger;

	private final ReceiptDeliverer deliverer;

	private final SendCounters counters = new SendCounters();

	private final MeterRegistry registry;

	public MessagingSimulation(MessagingProperties properties, Messenger messenger, ReceiptDeliverer deliverer,
			MeterRegistry registry) {
		this.properties = properties;
		this.messenger = messenger;
		this.deliverer = deliverer;
		this.registry = registry;
	}

	public Messenger messenger() {
		return this.messenger;
	}

	public String apiKey() {
		return this.properties.apiKey();
	}

	/**
	 * Counts one send in the admin counters and in {@code sandbox.messaging.requests}.
	 * @param channel {@code sms}, {@code whatsapp} or {@link #UNKNOWN_CHANNEL}
	 * @param outcome how it was answered
	 */
	public void count(String channel, SendOutcome outcome) {
		this.counters.record(outcome);
		Counter.builder(REQUESTS_METER)
			.description("Sends to the simulated messaging provider by channel and answer")
			.tag("channel", channel)
			.tag("outcome", outcome.wire())
			.register(this.registry)
			.increment();
	}

	/** The runtime settings as the admin API shows them. */
	public Map<String, Object> settingsView() {
		return Wire.settings(this.messenger.settings());
	}

	/** Applies a partial settings change; a refused one changes nothing. */
	public Map<String, Object> updateSettings(MessagingSettings.Patch patch) {
		return Wire.settings(this.messenger.updateSettings(patch));
	}

	/** The send counters since start or the last reset. */
	public Map<String, Object> countersView() {
		return Wire.counters(this.counters);
	}

	/**
	 * Forgets every message, every pending receipt and the counters, and returns to the
	 * start-up settings.
	 */
	public synchronized void reset() {
		this.deliverer.reset();
		this.messenger.reset(this.properties.startSettings());
		this.counters.reset();
	}

}
