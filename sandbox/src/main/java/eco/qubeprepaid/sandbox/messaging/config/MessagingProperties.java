package eco.qubeprepaid.sandbox.messaging.config;

import java.time.Duration;
import java.util.List;

import eco.qubeprepaid.sandbox.messaging.model.MessagingChoices;
import eco.qubeprepaid.sandbox.messaging.model.MessagingSettings;
import eco.qubeprepaid.sandbox.messaging.model.ReceiptPolicy;
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
 * Start-up settings of the messaging provider simulator ({@code sandbox.messaging.*}).
 * The faults, the receipt URL and the receipt delay can be changed at runtime through
 * {@code PUT /admin/messaging/config}; {@code POST /admin/messaging/reset} returns to
 * these.
 *
 * @param apiKey the Bearer key of {@code /messaging/v1}
 * @param receiptSecret signs receipt bodies ({@code X-Provider-Signature})
 * @param receiptUrl where receipts go (empty: no callbacks)
 * @param receiptDelayMs from acceptance to the receipt
 * @param outage every send answers 503
 * @param failureRatio share of sends answered 500 with nothing recorded
 * @param undeliverableRatio share of accepted messages that fail with {@code undelivered}
 * @param blockedNumbers E.164 numbers whose messages fail with {@code dnd_blocked}
 * @param receiptTimeout a receipt POST without an answer within this fails
 * @param receiptRetryInitial delay after the first failed receipt POST, doubling
 * @param receiptRetryMax longest delay between receipt POSTs
 * @param receiptMaxAttempts most POSTs per receipt, the first included
 * @param seed seed of message ids and fault draws (unset: a secure random source)
 */
@Validated
@ConfigurationProperties("sandbox.messaging")
public record MessagingProperties(@DefaultValue(MessagingChoices.DEFAULT_API_KEY) @NotBlank String apiKey,
		@DefaultValue(MessagingChoices.DEFAULT_RECEIPT_SECRET) @NotBlank String receiptSecret,
		@DefaultValue("") String receiptUrl,
		@DefaultValue(MessagingChoices.DEFAULT_RECEIPT_DELAY_MS) @Min(0) @Max(MessagingChoices.RECEIPT_DELAY_MAX_MS) long receiptDelayMs,
		@DefaultValue("false") boolean outage, @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double failureRatio,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double undeliverableRatio,
		@DefaultValue List<String> blockedNumbers,
		@DefaultValue(MessagingChoices.DEFAULT_RECEIPT_TIMEOUT) @NotNull Duration receiptTimeout,
		@DefaultValue(MessagingChoices.DEFAULT_RECEIPT_RETRY_INITIAL) @NotNull Duration receiptRetryInitial,
		@DefaultValue(MessagingChoices.DEFAULT_RECEIPT_RETRY_MAX) @NotNull Duration receiptRetryMax,
		@DefaultValue(MessagingChoices.DEFAULT_RECEIPT_MAX_ATTEMPTS) @Min(1) @Max(MessagingChoices.RECEIPT_MAX_ATTEMPTS_LIMIT) int receiptMaxAttempts,
		Long seed) {

	/** The runtime settings these start with (validated again by the model). */
	public MessagingSettings startSettings() {
		return new MessagingSettings(this.outage, this.failureRatio, this.undeliverableRatio, this.blockedNumbers,
				this.receiptUrl, this.receiptDelayMs);
	}

	/** The receipt retry policy. */
	public ReceiptPolicy receiptPolicy() {
		return new ReceiptPolicy(this.receiptTimeout.toMillis(), this.receiptRetryInitial.toMillis(),
				this.receiptRetryMax.toMillis(), this.receiptMaxAttempts);
	}

}
