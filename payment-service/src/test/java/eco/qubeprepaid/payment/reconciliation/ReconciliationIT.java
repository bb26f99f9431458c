package eco.qubeprepaid.payment.reconciliation;

import eco.qubeprepaid.payment.gateway.domain.WebhookSignature;
import eco.qubeprepaid.payment.reconciliation.application.Reconciler;
import eco.qubeprepaid.payment.support.GatewaySandbox;
import eco.qubeprepaid.payment.support.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook that never arrives: reconciliation finds the captured payment at the gateway
 * and credits it once, and the webhook arriving after all credits nothing more.
 */
class ReconciliationIT extends PaymentIntegrationTest {

	@Autowired
	Reconciler reconciler;

	@Test
	void aCapturedPaymentWhoseWebhookNeverCameIsCreditedOnceByReconciliation() {
		JsonNode topUp = startTopUp("Reconcile.Lost", 30000);
		JsonNode payment = gateway().pay(topUp.get("orderId").asString(), false);
		assertThat(captured("Reconcile.Lost")).containsExactly(0, 0);

		this.reconciler.reconcileOnce();
		this.reconciler.reconcileOnce();

		assertThat(captured("Reconcile.Lost")).containsExactly(1, 30000);
		assertThat(creditsInOutbox("Reconcile.Lost")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT settled_by FROM captured_payments WHERE payment_id = ?",
				String.class, payment.get("id").asString()))
			.isEqualTo("RECONCILIATION");

		byte[] late = eventBody("payment.captured", payment);
		String answer = webhook(late, WebhookSignature.sign(GatewaySandbox.WEBHOOK_SECRET, late), "evt_late_capture")
			.body();
		assertThat(answer).contains("ALREADY_CAPTURED");
		assertThat(captured("Reconcile.Lost")).containsExactly(1, 30000);
	}

	@Test
	void anOrderNobodyPaidStaysOpenUntilItsLifeEnds() {
		JsonNode topUp = startTopUp("Reconcile.Unpaid", 30000);

		this.reconciler.reconcileOnce();

		assertThat(this.jdbc.queryForObject("SELECT status FROM top_ups WHERE top_up_id = ?::uuid", String.class,
				topUp.get("topUpId").asString()))
			.isEqualTo("OPEN");
		assertThat(captured("Reconcile.Unpaid")).containsExactly(0, 0);
	}

}
