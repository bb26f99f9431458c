package eco.qubeprepaid.sandbox.gateway.model;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Id shapes, settings validation and the retry schedule. */
class IdsAndSettingsTest {

	@Test
	void idsAreAPrefixAnd14AlphanumericsReproducibleFromASeed() {
		Ids seeded = Ids.of(42L);
		Ids again = Ids.of(42L);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String id = seeded.next("order_");
			assertThat(id).matches("order_[0-9A-Za-z]{14}");
			assertThat(again.next("order_")).isEqualTo(id);
			seen.add(id);
		}
		assertThat(seen).hasSize(1000);
		assertThat(Ids.of(null).next("evt_")).matches("evt_[0-9A-Za-z]{14}");
	}

	@Test
	void settingsRefuseOutOfRangeValuesNamingTheField() {
		GatewaySettings base = GatewayFixture.SETTINGS;
		refused(() -> base.with(patch("duplicate_ratio", 1.5)), "duplicate_ratio");
		refused(() -> base.with(patch("failure_ratio", -0.1)), "failure_ratio");
		refused(() -> base.with(patch("drop_ratio", Double.NaN)), "drop_ratio");
		refused(() -> base.with(
				new GatewaySettings.Patch(null, null, null, null, -1L, null, null, null, null, null, null, null, null)),
				"min_delay_ms");
		refused(() -> base.with(new GatewaySettings.Patch(null, null, null, null, 500L, 100L, null, null, null, null,
				null, null, null)), "min_delay_ms");
		refused(() -> base.with(new GatewaySettings.Patch("ftp://example.test/x", null, null, null, null, null, null,
				null, null, null, null, null, null)), "webhook_url");
		refused(() -> base.with(new GatewaySettings.Patch("/relative", null, null, null, null, null, null, null, null,
				null, null, null, null)), "webhook_url");
		refused(() -> base.with(
				new GatewaySettings.Patch(null, "", null, null, null, null, null, null, null, null, null, null, null)),
				"webhook_secret");
		GatewaySettings changed = base.with(new GatewaySettings.Patch("http://127.0.0.1:9/hook", null, 1.0, true, 10L,
				20L, null, null, null, null, null, null, null));
		assertThat(changed.webhookUrl()).isEqualTo("http://127.0.0.1:9/hook");
		assertThat(changed.duplicateRatio()).isEqualTo(1.0);
		assertThat(changed.reorder()).isTrue();
		assertThat(changed.webhookSecret()).isEqualTo(base.webhookSecret());
		assertThat(changed.maxAttempts()).isEqualTo(base.maxAttempts());
	}

	@Test
	void retriesDoubleFromTheInitialDelayUpToTheMaximumForTenAttempts() {
		GatewaySettings settings = GatewayFixture.SETTINGS;
		long[] delays = new long[10];
		for (int failed = 1; failed <= 10; failed++) {
			delays[failed - 1] = DeliveryPolicy.retryDelayMs(settings, failed);
		}
		assertThat(delays).containsExactly(1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000, -1);
	}

	@Test
	void faultRatiosOfZeroAndOneAreCertainAndTheFirstDelayStaysInItsWindow() {
		DeliveryPolicy policy = DeliveryPolicy.of(3L);
		GatewaySettings always = GatewayFixture.SETTINGS
			.with(new GatewaySettings.Patch(null, null, 1.0, true, 100L, 200L, 1.0, 1.0, null, null, null, null, null));
		for (int i = 0; i < 200; i++) {
			assertThat(policy.drop(always)).isTrue();
			assertThat(policy.duplicate(always)).isTrue();
			assertThat(policy.injectFailure(always)).isTrue();
			assertThat(policy.drop(GatewayFixture.SETTINGS)).isFalse();
			assertThat(policy.firstDelayMs(always)).isBetween(100L, 200L + GatewayChoices.REORDER_WINDOW_MS);
			assertThat(policy.firstDelayMs(GatewayFixture.SETTINGS)).isZero();
		}
	}

	private static GatewaySettings.Patch patch(String ratio, double value) {
		return new GatewaySettings.Patch(null, null, ratio.equals("duplicate_ratio") ? value : null, null, null, null,
				ratio.equals("failure_ratio") ? value : null, ratio.equals("drop_ratio") ? value : null, null, null,
				null, null, null);
	}

	private static void refused(Runnable call, String field) {
		assertThatExceptionOfType(GatewayException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}

}
