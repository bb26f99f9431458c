package eco.qubeprepaid.poller.qube;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import eco.qubeprepaid.qube.client.QubeApi;
import eco.qubeprepaid.qube.client.QubeClient;
import eco.qubeprepaid.qube.client.QubeClientConfig;
import eco.qubeprepaid.qube.client.budget.RateBudget;
import eco.qubeprepaid.qube.client.budget.RateBudgetRegistry;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One {@link QubeClient} per configured API key, all drawing on the budgets of one
 * {@link RateBudgetRegistry}, so that every Qube call of a key in this process shares the
 * key's budget. Callers address a client by the key's non-secret name.
 */
public final class QubeClients {

	private final Map<String, QubeClient> byName = new LinkedHashMap<>();

	/**
	 * Builds the clients.
	 * @param properties the keys and the host
	 * @param budgets the registry whose budgets the clients share
	 * @param meters where the clients publish request and budget metrics
	 */
	public QubeClients(QubeEgressProperties properties, RateBudgetRegistry budgets, MeterRegistry meters) {
		for (QubeEgressProperties.ApiKey key : properties.keys()) {
			if (this.byName.containsKey(key.name())) {
				throw new IllegalArgumentException("Qube key name '" + key.name() + "' is configured twice");
			}
			QubeClientConfig config = QubeClientConfig.builder(key.apiKey())
				.baseUrl(properties.baseUrl())
				.keyName(key.name())
				.budget(key.requestsPerWindow(), key.window())
				.verification(properties.verifyReads(), properties.verifyInterval())
				.build();
			this.byName.put(key.name(),
					QubeClient.builder(config).budgetRegistry(budgets).meterRegistry(meters).build());
		}
	}

	/**
	 * Returns the client of a key.
	 * @param keyName the key's name
	 * @return its client
	 */
	public QubeApi client(String keyName) {
		QubeClient client = this.byName.get(keyName);
		if (client == null) {
			throw new NoSuchElementException("No Qube key named '" + keyName + "' is configured");
		}
		return client;
	}

	/**
	 * Returns the budget of a key.
	 * @param keyName the key's name
	 * @return the shared budget
	 */
	public RateBudget budget(String keyName) {
		return this.byName.get(keyName).budget();
	}

	/**
	 * Returns the configured key names, in configuration order.
	 * @return the names
	 */
	public Collection<String> keyNames() {
		return this.byName.keySet();
	}

}
