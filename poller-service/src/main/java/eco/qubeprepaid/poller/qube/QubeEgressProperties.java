package eco.qubeprepaid.poller.qube;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the poller reaches the Qube cloud ({@code qube.*}). Defaults in
 * {@code application.yml} point at the local sandbox; production overrides them through
 * the environment ({@code QP_QUBE_BASE_URL}, {@code QP_QUBE_KEYS_0_API_KEY}, ...).
 *
 * @param baseUrl the API host
 * @param identityUdf which UDF of a device holds the premise's stable identity
 * ({@code udf1} to {@code udf5})
 * @param keys the API keys this poller instance owns; each has its own rate budget
 * @param verifyReads how many read-backs a control write may take to show its state
 * @param verifyInterval the pause between read-backs
 */
@Validated
@ConfigurationProperties("qube")
public record QubeEgressProperties(@NotBlank String baseUrl,
		@DefaultValue("udf1") @Pattern(regexp = "udf[1-5]") String identityUdf, @NotEmpty List<@Valid ApiKey> keys,
		@DefaultValue("3") @Min(1) int verifyReads, @DefaultValue("2s") @NotNull Duration verifyInterval) {

	/**
	 * Returns the number of the identity UDF.
	 * @return 1 to 5
	 */
	public int identityUdfIndex() {
		return Integer.parseInt(this.identityUdf.substring(3));
	}

	/**
	 * One API key and its budget.
	 *
	 * @param name the non-secret name used in metrics, logs and events
	 * @param apiKey the secret, sent as {@code X-Qube-API-Key}; never logged
	 * @param requestsPerWindow the rate limit of the key
	 * @param window the rolling window of the limit
	 */
	public record ApiKey(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String name, @NotBlank String apiKey,
			@DefaultValue("100") @Min(1) @Max(100_000) int requestsPerWindow,
			@DefaultValue("60s") @NotNull Duration window) {

		@Override
		public String toString() {
			return "ApiKey[name=" + this.name + ", apiKey=****, requestsPerWindow=" + this.requestsPerWindow
					+ ", window=" + this.window + "]";
		}

	}

}
