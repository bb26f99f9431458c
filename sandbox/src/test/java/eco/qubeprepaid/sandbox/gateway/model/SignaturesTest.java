package eco.qubeprepaid.sandbox.gateway.model;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HMAC-SHA256 as lowercase hex, against a published vector and an independent
 * computation.
 */
class SignaturesTest {

	@Test
	void matchesRfc4231TestCase2() {
		assertThat(Signatures.hmacSha256Hex("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void theCheckoutSignatureIsTheHmacOfOrderIdBarPaymentIdWithTheKeySecret() throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("sandbox-key-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = HexFormat.of()
			.formatHex(mac.doFinal("order_ABCDEFGHIJ1234|pay_ZYXWVUTSRQ9876".getBytes(StandardCharsets.UTF_8)));
		assertThat(Signatures.paymentSignature("sandbox-key-secret", "order_ABCDEFGHIJ1234", "pay_ZYXWVUTSRQ9876"))
			.isEqualTo(expected)
			.matches("[0-9a-f]{64}");
	}

	@Test
	void comparesInConstantTime() {
		assertThat(Signatures.constantTimeEquals("abc", "abc")).isTrue();
		assertThat(Signatures.constantTimeEquals("abc", "abd")).isFalse();
		assertThat(Signatures.constantTimeEquals("abc", null)).isFalse();
	}

}
