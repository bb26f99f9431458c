package eco.qubeprepaid.sandbox.qube.config;

import java.time.Instant;
import java.util.List;

import eco.qubeprepaid.sandbox.qube.model.SimChoices;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Start-up settings of the Qube simulator ({@code sandbox.qube.*}). Everything here can
 * also be changed at runtime through the admin API, and {@code POST /admin/qube/reset}
 * returns to these values.
 *
 * @param lenientSlashes accept both trailing-slash forms of every path (G11)
 * @param rateLimit the default per-key limit (G14)
 * @param clock the simulation clock
 * @param historyRetentionDays how many days of 15-minute samples each meter keeps
 * @param tickerIntervalMs how often the ticker advances meters
 * @param tickerBatch at most this many meters advanced per tick
 * @param faultSeed seed of the fault injector and the replacement IDs
 * @param quickstart the quick-start fixture
 * @param demo the generated demo fleet
 */
@Validated
@ConfigurationProperties("sandbox.qube")
public record QubeProperties(@DefaultValue("false") boolean lenientSlashes,
		@DefaultValue @Valid @NotNull RateLimit rateLimit, @DefaultValue @Valid @NotNull ClockSettings clock,
		@DefaultValue("32") @Min(1) @Max(400) int historyRetentionDays,
		@DefaultValue("1000") @Min(50) @Max(60_000) long tickerIntervalMs,
		@DefaultValue("2000") @Min(1) @Max(1_000_000) int tickerBatch, @DefaultValue("7") long faultSeed,
		@DefaultValue @Valid @NotNull Quickstart quickstart, @DefaultValue @Valid @NotNull Demo demo) {

	/**
	 * The default rolling-window limit of every key (G14).
	 *
	 * @param requests requests per window
	 * @param windowSeconds window length
	 */
	public record RateLimit(@DefaultValue(SimChoices.RATE_LIMIT_REQUESTS) @Min(1) int requests,
			@DefaultValue(SimChoices.RATE_LIMIT_WINDOW_SECONDS) @Min(1) @Max(86_400) int windowSeconds) {
	}

	/**
	 * The simulation clock.
	 *
	 * @param speed simulated seconds per real second (0 pauses the clock)
	 * @param start simulated start time, or {@code null} for the real time at start-up
	 */
	public record ClockSettings(@DefaultValue("60") @Min(0) @Max(1_000_000) long speed, Instant start) {
	}

	/**
	 * The quick-start fixture of the seed overview.
	 *
	 * @param enabled whether to install it
	 * @param apiKey the key that sees it
	 */
	public record Quickstart(@DefaultValue("true") boolean enabled,
			@DefaultValue("quickstart-key") @NotBlank String apiKey) {
	}

	/**
	 * The generated demo fleet.
	 *
	 * @param seed seed of the generator
	 * @param meters number of meters (0 for none)
	 * @param spaces number of spaces
	 * @param apiKeys the keys the spaces are dealt to
	 */
	public record Demo(@DefaultValue("42") long seed, @DefaultValue("40") @Min(0) @Max(100_000) int meters,
			@DefaultValue("4") @Min(1) @Max(10_000) int spaces, @DefaultValue( {
					"demo-key-1", "demo-key-2" }) @NotEmpty List<@NotBlank String> apiKeys){
	}

}
