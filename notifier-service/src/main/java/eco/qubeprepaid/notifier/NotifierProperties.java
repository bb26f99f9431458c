package eco.qubeprepaid.notifier;

import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * notifier-service's settings ({@code qp.notifier.*}); the defaults are in
 * {@code application.yml}, each overridable by an environment variable.
 *
 * @param mail the email channel (SMTP)
 * @param messaging the SMS and WhatsApp provider
 * @param operators where operator notices go
 * @param quietHours when non-urgent tenant notices wait (IST)
 * @param delivery the dispatcher's pace, retries and dead letters
 */
@Validated
@ConfigurationProperties("qp.notifier")
public record NotifierProperties(@Valid @NotNull @DefaultValue Mail mail,
		@Valid @NotNull @DefaultValue Messaging messaging, @Valid @NotNull @DefaultValue Operators operators,
		@Valid @NotNull @DefaultValue QuietHours quietHours, @Valid @NotNull @DefaultValue Delivery delivery) {

	/**
	 * SMTP.
	 *
	 * @param host the SMTP host; empty turns email off
	 * @param port its port
	 * @param username the account, or empty
	 * @param password its password, or empty
	 * @param from the sender
	 * @param timeout connect and read time-out
	 */
	public record Mail(@DefaultValue("") String host, @DefaultValue("25") int port, @DefaultValue("") String username,
			@DefaultValue("") String password, @DefaultValue("Qube Prepaid <no-reply@qubeprepaid.local>") String from,
			@DefaultValue("10s") Duration timeout) {
	}

	/**
	 * The SMS and WhatsApp provider's HTTP API.
	 *
	 * @param baseUrl its base URL; empty turns both channels off
	 * @param apiKey the bearer key
	 * @param receiptSecret the HMAC secret of its delivery receipts
	 * @param timeout per request
	 */
	public record Messaging(@DefaultValue("") String baseUrl, @DefaultValue("") String apiKey,
			@DefaultValue("") String receiptSecret, @DefaultValue("5s") Duration timeout) {
	}

	/**
	 * The operators.
	 *
	 * @param webhookUrl their HMAC-signed webhook, or empty
	 * @param webhookSecret the webhook's HMAC secret
	 * @param email their email address, or empty
	 * @param language the language of their notices
	 */
	public record Operators(@DefaultValue("") String webhookUrl, @DefaultValue("") String webhookSecret,
			@DefaultValue("") String email, @DefaultValue("en") String language) {
	}

	/**
	 * Quiet hours, IST; equal start and end means none.
	 *
	 * @param start when they begin
	 * @param end when they end
	 */
	public record QuietHours(@DefaultValue("21:00") LocalTime start, @DefaultValue("08:00") LocalTime end) {
	}

	/**
	 * The dispatcher.
	 *
	 * @param pollInterval the pause between rounds when idle
	 * @param batchSize the most notices one round claims
	 * @param maxAttempts attempts before a dead letter
	 * @param firstRetry the pause after the first failure (doubling)
	 * @param maxRetryInterval the longest pause
	 * @param lease how long a claim holds a notice against another sender
	 */
	public record Delivery(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("20") @Min(1) int batchSize,
			@DefaultValue("8") @Min(1) int maxAttempts, @DefaultValue("5s") Duration firstRetry,
			@DefaultValue("10m") Duration maxRetryInterval, @DefaultValue("60s") Duration lease) {
	}

}
