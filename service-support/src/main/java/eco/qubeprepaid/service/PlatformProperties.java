package eco.qubeprepaid.service;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The platform's settings ({@code qp.platform.*}), the same keys in every service; a
 * service's own settings are {@code qp.<service>.*} (ADR 0010).
 *
 * @param consumer how consumers retry and dead-letter
 * @param outbox the transactional outbox's relay
 * @param topics the topics a service declares
 */
@Validated
@ConfigurationProperties("qp.platform")
public record PlatformProperties(@Valid @NotNull @DefaultValue Consumer consumer,
		@Valid @NotNull @DefaultValue Outbox outbox, @Valid @NotNull @DefaultValue Topics topics) {

	/**
	 * The consumers' error handling ({@code ConsumerErrorHandling}).
	 *
	 * @param retries how often a record whose processing failed for a reason that is
	 * neither malformed input nor transient is retried (blocking) before it goes to its
	 * dead-letter topic; a transient failure (the database or the broker away) is retried
	 * without a limit
	 * @param retryInterval the first pause between retries (doubling each time)
	 * @param maxRetryInterval the longest pause between retries
	 * @param preciousTopics topics whose records are never dead-lettered unless malformed
	 * (payments, commands and their outcomes: the partition stops and the lag alert fires
	 * instead)
	 */
	public record Consumer(@DefaultValue("4") @Min(0) int retries,
			@DefaultValue("500ms") @NotNull Duration retryInterval,
			@DefaultValue("30s") @NotNull Duration maxRetryInterval, @DefaultValue Set<String> preciousTopics) {
	}

	/**
	 * The outbox relay ({@code OutboxRelay}).
	 *
	 * @param enabled whether the service has an outbox (table {@code outbox})
	 * @param pollInterval the pause between two publication rounds when idle
	 * @param batchSize the most rows one round publishes
	 * @param sendTimeout how long a round waits for the broker's acknowledgements
	 */
	public record Outbox(@DefaultValue("false") boolean enabled, @DefaultValue("200ms") @NotNull Duration pollInterval,
			@DefaultValue("500") @Min(1) int batchSize, @DefaultValue("10s") @NotNull Duration sendTimeout) {
	}

	/**
	 * The topics services declare.
	 *
	 * @param partitions the partitions of every topic (one source for all services: a
	 * premise's key must land on the same partition count everywhere)
	 */
	public record Topics(@DefaultValue("3") @Min(1) int partitions) {
	}

}
