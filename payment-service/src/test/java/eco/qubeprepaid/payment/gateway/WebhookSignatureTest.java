package eco.qubeprepaid.payment.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;

import eco.qubeprepaid.payment.gateway.domain.WebhookSignature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSignatureTest {

	private static final byte[] BODY = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

	@Test
	void signsWithHmacSha256InLowercaseHex() {
		// RFC 4231-style published vector: HMAC-SHA256("key", the pangram).
		assertThat(WebhookSignature.sign("key", BODY))
			.isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
	}

	@Test
	void acceptsEveryConfiguredSecretAndNothingElse() {
		WebhookSignature rotation = new WebhookSignature(List.of("new", "key"));

		assertThat(rotation.verifies(BODY, WebhookSignature.sign("new", BODY))).isTrue();
		assertThat(rotation.verifies(BODY, WebhookSignature.sign("key", BODY))).isTrue();
		assertThat(rotation.verifies(BODY, WebhookSignature.sign("KEY", BODY).toUpperCase())).isFalse();
		assertThat(rotation.verifies(BODY, WebhookSignature.sign("key", BODY).toUpperCase())).isTrue();
		assertThat(rotation.verifies(BODY, "zz")).isFalse();
		assertThat(rotation.verifies(BODY, "")).isFalse();
		assertThat(rotation.verifies("other".getBytes(StandardCharsets.UTF_8), WebhookSignature.sign("key", BODY)))
			.isFalse();
	}

	@Test
	void needsASecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSignature(List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSignature(List.of(" ")));
	}

}
