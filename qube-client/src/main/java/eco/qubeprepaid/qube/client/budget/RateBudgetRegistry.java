package eco.qubeprepaid.qube.client.budget;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out one {@link RateBudget} per API key, so that every client of a key in the
 * process draws on the same budget. Use {@link #shared()} in production; tests create
 * their own registry to stay isolated.
 */
public final class RateBudgetRegistry {

	private static final Logger log = LoggerFactory.getLogger(RateBudgetRegistry.class);

	private static final RateBudgetRegistry SHARED = new RateBudgetRegistry(SystemBudgetTimer.system());

	private final BudgetTimer timer;

	private final Map<String, RateBudget> budgets = new ConcurrentHashMap<>();

	/**
	 * Creates an isolated registry.
	 * @param timer the time source of the budgets it creates
	 */
	public RateBudgetRegistry(BudgetTimer timer) {
		this.timer = Objects.requireNonNull(timer, "timer");
	}

	/**
	 * Returns the process-wide registry.
	 * @return the shared registry
	 */
	public static RateBudgetRegistry shared() {
		return SHARED;
	}

	/**
	 * Returns the budget of a key, creating it on first use. The first caller's settings
	 * win; a later caller asking for other settings is logged and gets the existing
	 * budget, because two budgets for one key would together overrun the server's limit.
	 * @param apiKey the secret key (used only as a map key, never logged or tagged)
	 * @param keyName the key's non-secret name
	 * @param settings the limit and window
	 * @param meterRegistry where to publish the budget's meters, or {@code null}
	 * @return the key's budget
	 */
	public RateBudget budgetFor(String apiKey, String keyName, BudgetSettings settings, MeterRegistry meterRegistry) {
		RateBudget budget = this.budgets.computeIfAbsent(apiKey, (key) -> {
			RateBudget created = new RateBudget(keyName, settings, this.timer);
			if (meterRegistry != null) {
				created.bindTo(meterRegistry);
			}
			return created;
		});
		if (!budget.settings().equals(settings)) {
			log.warn("Qube key '{}' already has budget {}; ignoring the requested {}", budget.keyName(),
					budget.settings(), settings);
		}
		return budget;
	}

}
