package eco.qubeprepaid.poller.qube;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The poller's own behaviour ({@code qp.poller.*}; the Qube API's settings are
 * {@code qube.*}, the vendor's name, and the platform's {@code qp.platform.*}).
 *
 * @param freshnessFloor every meter is polled at least this often (if the budget allows
 * it: keys x limit per window must exceed meters per floor)
 * @param minPollInterval no meter is polled more often than this, however close to empty
 * (Qube syncs about every 5 s, so faster adds nothing)
 * @param discoveryInterval how often E1 is read per key to find new, replaced and
 * unidentified devices
 * @param commandRetryInterval how long a command for an offline meter waits before the
 * next try
 * @param pollWorkersPerKey how many polls of one key may wait for the budget at once
 * @param maxPremisesPerKey the bound of the scheduler's table of one key
 * @param commandBatch how many due commands one executor round loads at most
 * @param idleDelay how long an idle worker waits before looking again
 * @param gapFillMaxDays how far back a gap fill reaches at most
 * @param spareBudgetReservePercent the share of a key's budget that polls of meters which
 * are not due (spare polls) leave free, so that a meter that falls due, a command and
 * discovery find a slot at once instead of waiting for the rolling window to turn
 * @param offlineNoticeAfter how long polls must have found a meter offline (since the
 * first poll of the episode that did) before the poller publishes the episode's one
 * {@code MeterOffline}; a policy choice, not Qube's: twice the default freshness floor,
 * so a meter is seen offline by at least two polls and a brief loss of its link is not
 * reported, while operators still learn within the hour of a premise that can neither be
 * read nor switched
 */
@Validated
@ConfigurationProperties("qp.poller")
public record PollerProperties(@DefaultValue("15m") @NotNull Duration freshnessFloor,
		@DefaultValue("30s") @NotNull Duration minPollInterval, @DefaultValue("5m") @NotNull Duration discoveryInterval,
		@DefaultValue("10s") @NotNull Duration commandRetryInterval,
		@DefaultValue("2") @Min(1) @Max(16) int pollWorkersPerKey,
		@DefaultValue("20000") @Min(1) @Max(1_000_000) int maxPremisesPerKey,
		@DefaultValue("50") @Min(1) @Max(1000) int commandBatch, @DefaultValue("200ms") @NotNull Duration idleDelay,
		@DefaultValue("31") @Min(1) @Max(31) int gapFillMaxDays,
		@DefaultValue("25") @Min(0) @Max(90) int spareBudgetReservePercent,
		@DefaultValue("30m") @NotNull Duration offlineNoticeAfter) {

}
