package eco.qubeprepaid.qube.client.budget;

import java.time.Duration;
import java.util.Objects;

/**
 * The size of a rate budget: at most {@code limit} requests in any rolling
 * {@code window}.
 *
 * @param limit the number of requests allowed per window, at least 1
 * @param window the length of the rolling window, positive
 */
public record BudgetSettings(int limit, Duration window) {

	/** The documented Qube limit: 100 requests per minute per key. */
	public static final BudgetSettings QUBE_DEFAULT = new BudgetSettings(100, Duration.ofSeconds(60));

	public BudgetSettings {
		Objects.requireNonNull(window, "window");
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
		}
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive but was " + window);
		}
	}

}
