package eco.qubeprepaid.sandbox.gateway.config;

import java.util.Map;

import eco.qubeprepaid.sandbox.gateway.model.EventRecord;
import eco.qubeprepaid.sandbox.gateway.model.Gateway;
import eco.qubeprepaid.sandbox.gateway.model.GatewaySettings;
import eco.qubeprepaid.sandbox.gateway.model.Wire;

/**
 * The whole simulated gateway (model and webhook deliverer) with its fixed credentials,
 * and how to put it back into its start-up state. A plain object;
 * {@link GatewayConfiguration} makes it a bean.
 */
public class GatewaySimulation {

	private final GatewayProperties properties;

	private final Gateway gateway;

	private final WebhookDeliverer deliverer;

	public GatewaySimulation(GatewayProperties properties, Gateway gateway, WebhookDeliverer deliverer) {
		this.properties = properties;
		this.gateway = gateway;
		this.deliverer = deliverer;
	}

	public Gateway gateway() {
		return this.gateway;
	}

	public String keyId() {
		return this.properties.keyId();
	}

	public String keySecret() {
		return this.properties.keySecret();
	}

	public String merchantName() {
		return this.properties.merchantName();
	}

	/** The runtime settings as the admin API shows them. */
	public Map<String, Object> settingsView() {
		return Wire.settings(this.gateway.settings(), keyId(), merchantName());
	}

	/** Applies a partial settings change; a refused one changes nothing. */
	public Map<String, Object> updateSettings(GatewaySettings.Patch patch) {
		this.gateway.updateSettings(patch);
		this.deliverer.settingsChanged();
		return settingsView();
	}

	/** Queues one more delivery of an event (404 for an unknown one). */
	public EventRecord redeliver(String eventId) {
		EventRecord record = this.gateway.eventRecord(eventId);
		this.deliverer.redeliver(record);
		return record;
	}

	/** Forgets everything and returns to the start-up settings. */
	public synchronized void reset() {
		this.gateway.reset(this.properties.startSettings());
		this.deliverer.reset();
	}

}
