package eco.qubeprepaid.sandbox.gateway.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The runtime knobs of the simulator: where webhooks go and how they are signed, the
 * delivery faults, the retry policy and the refund processing delay. Immutable and
 * validated; a change is a new value ({@link #with}). Field names in refusals are the
 * admin API's.
 *
 * @param webhookUrl where webhooks go, or empty for none yet (events wait)
 * @param webhookSecret signs webhook bodies
 * @param duplicateRatio share of events delivered twice (0..1)
 * @param reorder deliveries go out in random order
 * @param minDelayMs shortest random delay before a delivery's first attempt
 * @param maxDelayMs longest random delay before a delivery's first attempt
 * @param failureRatio share of attempts not sent and counted as failed (0..1)
 * @param dropRatio share of events never delivered (0..1)
 * @param refundProcessingDelayMs how long a refund stays pending (0 = processed at once)
 * @param webhookTimeoutMs an attempt without a 2xx within this fails
 * @param retryInitialMs delay after the first failed attempt, doubling
 * @param retryMaxMs longest delay between attempts
 * @param maxAttempts most attempts per delivery, the first included
 */
public record GatewaySettings(String webhookUrl, String webhookSecret, double duplicateRatio, boolean reorder,
		long minDelayMs, long maxDelayMs, double failureRatio, double dropRatio, long refundProcessingDelayMs,
		long webhookTimeoutMs, long retryInitialMs, long retryMaxMs, int maxAttempts) {

	public GatewaySettings {
		webhookUrl = (webhookUrl != null) ? webhookUrl.trim() : "";
		if (!webhookUrl.isEmpty() && !isHttpUrl(webhookUrl)) {
			throw GatewayException.badRequest("webhook_url", GatewayChoices.TEXT_WEBHOOK_URL);
		}
		if (webhookSecret == null || webhookSecret.isEmpty()) {
			throw GatewayException.badRequest("webhook_secret", GatewayChoices.TEXT_WEBHOOK_SECRET);
		}
		ratio("duplicate_ratio", duplicateRatio);
		ratio("failure_ratio", failureRatio);
		ratio("drop_ratio", dropRatio);
		notNegative("min_delay_ms", minDelayMs);
		notNegative("max_delay_ms", maxDelayMs);
		if (minDelayMs > maxDelayMs) {
			throw GatewayException.badRequest("min_delay_ms",
					String.format(GatewayChoices.TEXT_MIN_OVER_MAX, minDelayMs, maxDelayMs));
		}
		notNegative("refund_processing_delay_ms", refundProcessingDelayMs);
		positive("webhook_timeout_ms", webhookTimeoutMs);
		positive("retry_initial_ms", retryInitialMs);
		if (retryMaxMs < retryInitialMs) {
			throw GatewayException.badRequest("retry_max_ms",
					String.format(GatewayChoices.TEXT_RETRY_MAX, retryMaxMs, retryInitialMs));
		}
		if (maxAttempts < 1 || maxAttempts > GatewayChoices.MAX_ATTEMPTS_LIMIT) {
			throw GatewayException.badRequest("max_attempts", GatewayChoices.TEXT_MAX_ATTEMPTS);
		}
	}

	/** Whether deliveries have somewhere to go. */
	public boolean hasWebhookUrl() {
		return !this.webhookUrl.isEmpty();
	}

	/** These settings with the patch's non-null values; validated again. */
	public GatewaySettings with(Patch patch) {
		return new GatewaySettings(or(patch.webhookUrl(), this.webhookUrl),
				or(patch.webhookSecret(), this.webhookSecret), or(patch.duplicateRatio(), this.duplicateRatio),
				or(patch.reorder(), this.reorder), or(patch.minDelayMs(), this.minDelayMs),
				or(patch.maxDelayMs(), this.maxDelayMs), or(patch.failureRatio(), this.failureRatio),
				or(patch.dropRatio(), this.dropRatio),
				or(patch.refundProcessingDelayMs(), this.refundProcessingDelayMs),
				or(patch.webhookTimeoutMs(), this.webhookTimeoutMs), or(patch.retryInitialMs(), this.retryInitialMs),
				or(patch.retryMaxMs(), this.retryMaxMs), or(patch.maxAttempts(), this.maxAttempts));
	}

	/** Whether the text is an absolute http(s) URL with a host. */
	public static boolean isHttpUrl(String text) {
		try {
			URI uri = new URI(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& !uri.getHost().isEmpty();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static void ratio(String field, double value) {
		if (!(value >= 0 && value <= 1)) {
			throw GatewayException.badRequest(field, String.format(GatewayChoices.TEXT_RATIO, field, value));
		}
	}

	private static void notNegative(String field, long value) {
		if (value < 0) {
			throw GatewayException.badRequest(field, String.format(GatewayChoices.TEXT_NOT_NEGATIVE, field, value));
		}
	}

	private static void positive(String field, long value) {
		if (value <= 0) {
			throw GatewayException.badRequest(field, String.format(GatewayChoices.TEXT_POSITIVE, field, value));
		}
	}

	/**
	 * A partial change: null leaves a setting as it is (an empty webhook_url clears it).
	 *
	 * @param webhookUrl new webhook URL or empty
	 * @param webhookSecret new webhook secret
	 * @param duplicateRatio new duplicate ratio
	 * @param reorder new reorder flag
	 * @param minDelayMs new minimum first-attempt delay
	 * @param maxDelayMs new maximum first-attempt delay
	 * @param failureRatio new injected failure ratio
	 * @param dropRatio new drop ratio
	 * @param refundProcessingDelayMs new refund processing delay
	 * @param webhookTimeoutMs new attempt timeout
	 * @param retryInitialMs new first retry delay
	 * @param retryMaxMs new longest retry delay
	 * @param maxAttempts new most attempts
	 */
	public record Patch(String webhookUrl, String webhookSecret, Double duplicateRatio, Boolean reorder,
			Long minDelayMs, Long maxDelayMs, Double failureRatio, Double dropRatio, Long refundProcessingDelayMs,
			Long webhookTimeoutMs, Long retryInitialMs, Long retryMaxMs, Integer maxAttempts) {

	}

}
