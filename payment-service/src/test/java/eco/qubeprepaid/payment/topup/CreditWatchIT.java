package eco.qubeprepaid.payment.topup;

import java.time.Instant;

import eco.qubeprepaid.payment.gateway.domain.WebhookSignature;
import eco.qubeprepaid.payment.support.GatewaySandbox;
import eco.qubeprepaid.payment.support.PaymentIntegrationTest;
import eco.qubeprepaid.payment.topup.application.Settlement;
import eco.qubeprepaid.payment.topup.application.TopUpWatch;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A captured payment the ledger has not confirmed in time shows in the stuck-top-up gauge
 * (no balance-service runs here, so nothing confirms it until the test does), and leaves
 * it once confirmed.
 */
class CreditWatchIT extends PaymentIntegrationTest {

	@Autowired
	TopUpWatch watch;

	@Autowired
	Settlement settlement;

	@Autowired
	MeterRegistry registry;

	@Test
	void aCaptureTheLedgerHasNotConfirmedIsCountedUntilItIs() {
		JsonNode topUp = startTopUp("Watch.Flat-1", 20000);
		JsonNode payment = gateway().pay(topUp.get("orderId").asString(), false);
		byte[] body = eventBody("payment.captured", payment);
		assertThat(webhook(body, WebhookSignature.sign(GatewaySandbox.WEBHOOK_SECRET, body), "evt_watch").body())
			.contains("CREDITED");

		this.watch.check();
		double stuck = gauge();
		assertThat(stuck).isGreaterThanOrEqualTo(1);

		assertThat(this.settlement.confirmCredited(payment.get("id").asString(), 20000, Instant.now())).isTrue();
		assertThat(this.settlement.confirmCredited(payment.get("id").asString(), 20000, Instant.now())).isFalse();
		this.watch.check();
		assertThat(gauge()).isEqualTo(stuck - 1);
	}

	private double gauge() {
		return this.registry.get(TopUpWatch.STUCK_GAUGE).gauge().value();
	}

}
