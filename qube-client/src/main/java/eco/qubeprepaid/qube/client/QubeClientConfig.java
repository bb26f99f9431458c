package eco.qubeprepaid.qube.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import eco.qubeprepaid.qube.client.budget.BudgetSettings;
import eco.qubeprepaid.qube.client.budget.RetryPolicy;

/**
 * Everything a {@link QubeClient} needs to know. Build it with {@link #builder(String)};
 * only the API key is required.
 *
 * @param baseUrl the API host, default {@code https://developer.qube.eco}
 * @param apiKey the secret key, sent as {@code X-Qube-API-Key}; never logged
 * @param keyName a non-secret name for the key, used in metrics and logs
 * @param budget the rate budget of the key, default 100 per 60 s
 * @param connectTimeout the TCP connect timeout, default 5 s
 * @param requestTimeout the timeout of one request, default 15 s
 * @param retry backoff and attempts for reads and for ambiguous writes, default 1 s / 30
 * s / 5
 * @param rateLimitRetries how many 429s one call may meet and still retry, default 3
 * @param verifyReads how many read-backs a control write may take to show its state,
 * default 3
 * @param verifyInterval the pause between read-backs, default 2 s (the cloud syncs about
 * every 5 s)
 */
public record QubeClientConfig(URI baseUrl, String apiKey, String keyName, BudgetSettings budget,
		Duration connectTimeout, Duration requestTimeout, RetryPolicy retry, int rateLimitRetries, int verifyReads,
		Duration verifyInterval) {

	public QubeClientConfig {
		Objects.requireNonNull(baseUrl, "baseUrl");
		Objects.requireNonNull(apiKey, "apiKey");
		Objects.requireNonNull(keyName, "keyName");
		Objects.requireNonNull(budget, "budget");
		Objects.requireNonNull(connectTimeout, "connectTimeout");
		Objects.requireNonNull(requestTimeout, "requestTimeout");
		Objects.requireNonNull(retry, "retry");
		Objects.requireNonNull(verifyInterval, "verifyInterval");
		if (apiKey.isBlank()) {
			throw new IllegalArgumentException("apiKey must not be blank");
		}
		if (rateLimitRetries < 0 || verifyReads < 1) {
			throw new IllegalArgumentException("need rateLimitRetries >= 0 and verifyReads >= 1");
		}
	}

	/**
	 * Starts a builder with the defaults.
	 * @param apiKey the secret key
	 * @return the builder
	 */
	public static Builder builder(String apiKey) {
		return new Builder(apiKey);
	}

	/**
	 * Masks the key so that a logged configuration never leaks it.
	 */
	@Override
	public String toString() {
		return "QubeClientConfig[baseUrl=" + this.baseUrl + ", keyName=" + this.keyName + ", apiKey=****, budget="
				+ this.budget + ", connectTimeout=" + this.connectTimeout + ", requestTimeout=" + this.requestTimeout
				+ ", retry=" + this.retry + ", rateLimitRetries=" + this.rateLimitRetries + ", verifyReads="
				+ this.verifyReads + ", verifyInterval=" + this.verifyInterval + "]";
	}

	/**
	 * Builds a {@link QubeClientConfig}.
	 */
	public static final class Builder {

		private final String apiKey;

		private URI baseUrl = URI.create(QubePaths.DEFAULT_BASE_URL);

		private String keyName = "default";

		private BudgetSettings budget = BudgetSettings.QUBE_DEFAULT;

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration requestTimeout = Duration.ofSeconds(15);

		private RetryPolicy retry = RetryPolicy.DEFAULT;

		private int rateLimitRetries = 3;

		private int verifyReads = 3;

		private Duration verifyInterval = Duration.ofSeconds(2);

		private Builder(String apiKey) {
			this.apiKey = apiKey;
		}

		/**
		 * Sets the API host.
		 * @param baseUrl for example {@code http://127.0.0.1:8080}
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
			return this;
		}

		/**
		 * Sets the non-secret key name.
		 * @param keyName the name
		 * @return this builder
		 */
		public Builder keyName(String keyName) {
			this.keyName = keyName;
			return this;
		}

		/**
		 * Sets the rate budget.
		 * @param limit requests per window
		 * @param window the rolling window
		 * @return this builder
		 */
		public Builder budget(int limit, Duration window) {
			this.budget = new BudgetSettings(limit, window);
			return this;
		}

		/**
		 * Sets the timeouts.
		 * @param connect the connect timeout
		 * @param request the timeout of one request
		 * @return this builder
		 */
		public Builder timeouts(Duration connect, Duration request) {
			this.connectTimeout = connect;
			this.requestTimeout = request;
			return this;
		}

		/**
		 * Sets the retry policy.
		 * @param retry the backoff and attempts
		 * @return this builder
		 */
		public Builder retry(RetryPolicy retry) {
			this.retry = retry;
			return this;
		}

		/**
		 * Sets how many 429s one call may retry after.
		 * @param rateLimitRetries 0 to give up at the first 429
		 * @return this builder
		 */
		public Builder rateLimitRetries(int rateLimitRetries) {
			this.rateLimitRetries = rateLimitRetries;
			return this;
		}

		/**
		 * Sets the read-back verification of control writes.
		 * @param reads how many read-backs at most
		 * @param interval the pause between them
		 * @return this builder
		 */
		public Builder verification(int reads, Duration interval) {
			this.verifyReads = reads;
			this.verifyInterval = interval;
			return this;
		}

		/**
		 * Finishes the configuration.
		 * @return the configuration
		 */
		public QubeClientConfig build() {
			return new QubeClientConfig(this.baseUrl, this.apiKey, this.keyName, this.budget, this.connectTimeout,
					this.requestTimeout, this.retry, this.rateLimitRetries, this.verifyReads, this.verifyInterval);
		}

	}

}
