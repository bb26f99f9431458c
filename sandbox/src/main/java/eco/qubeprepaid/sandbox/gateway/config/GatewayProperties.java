package eco.qubeprepaid.sandbox.gateway.config;

import java.time.Duration;

import eco.qubeprepaid.sandbox.gateway.model.GatewayChoices;
import eco.qubeprepaid.sandbox.gateway.model.GatewaySettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Start-up settings of the payment gateway simulator ({@code sandbox.gateway.*}). The
 * webhook and fault settings can be changed at runtime through
 * {@code PUT /admin/gateway/config}; {@code POST /admin/gateway/reset} returns to these.
 *
 * @param keyId HTTP Basic user of the {@code /v1} API
 * @param keySecret HTTP Basic password; also signs checkout callbacks
 * @param webhookUrl where webhooks go (empty: none until set; events wait)
 * @param webhookSecret signs webhook bodies
 * @param duplicateRatio share of events delivered twice
 * @param reorder pending deliveries go out in random order
 * @param minDelayMs shortest random delay before a delivery's first attempt
 * @param maxDelayMs longest random delay before a delivery's first attempt
 * @param failureRatio share of attempts not sent and counted as failed
 * @param dropRatio share of events never delivered
 * @param webhookTimeout an attempt without a 2xx within this fails
 * @param retryInitial delay after the first failed attempt, doubling
 * @param retryMax longest delay between attempts
 * @param maxAttempts most attempts per delivery, the first included
 * @param refundProcessingDelay how long a refund stays pending (0 = processed at once)
 * @param merchantName shown on the checkout page
 * @param seed seed of ids and fault draws (unset: a secure random source)
 * @param deliveryThreads webhook delivery threads
 */
@Validated
@ConfigurationProperties("sandbox.gateway")
public record GatewayProperties(@DefaultValue(GatewayChoices.DEFAULT_KEY_ID) @NotBlank String keyId,
		@DefaultValue(GatewayChoices.DEFAULT_KEY_SECRET) @NotBlank String keySecret,
		@DefaultValue("") String webhookUrl,
		@DefaultValue(GatewayChoices.DEFAULT_WEBHOOK_SECRET) @NotBlank String webhookSecret,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double duplicateRatio,
		@DefaultValue("false") boolean reorder, @DefaultValue("0") @Min(0) long minDelayMs,
		@DefaultValue("0") @Min(0) long maxDelayMs,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double failureRatio,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double dropRatio,
		@DefaultValue(GatewayChoices.DEFAULT_WEBHOOK_TIMEOUT) @NotNull Duration webhookTimeout,
		@DefaultValue(GatewayChoices.DEFAULT_RETRY_INITIAL) @NotNull Duration retryInitial,
		@DefaultValue(GatewayChoices.DEFAULT_RETRY_MAX) @NotNull Duration retryMax,
		@DefaultValue(GatewayChoices.DEFAULT_MAX_ATTEMPTS) @Min(1) @Max(1000) int maxAttempts,
		@DefaultValue("0ms") @NotNull Duration refundProcessingDelay,
		@DefaultValue(GatewayChoices.DEFAULT_MERCHANT_NAME) @NotBlank String merchantName, Long seed,
		@DefaultValue(GatewayChoices.DEFAULT_DELIVERY_THREADS) @Min(1) @Max(64) int deliveryThreads) {

	/** The runtime settings these start with (validated again by the model). */
	public GatewaySettings startSettings() {
		return new GatewaySettings(this.webhookUrl, this.webhookSecret, this.duplicateRatio, this.reorder,
				this.minDelayMs, this.maxDelayMs, this.failureRatio, this.dropRatio,
				this.refundProcessingDelay.toMillis(), this.webhookTimeout.toMillis(), this.retryInitial.toMillis(),
				this.retryMax.toMillis(), this.maxAttempts);
	}

}
