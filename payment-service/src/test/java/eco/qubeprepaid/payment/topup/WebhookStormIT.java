package eco.qubeprepaid.payment.topup;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import eco.qubeprepaid.payment.gateway.domain.WebhookSignature;
import eco.qubeprepaid.payment.support.GatewaySandbox;
import eco.qubeprepaid.payment.support.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At least once, in any order, concurrently: 1,000 distinct captured payments, each
 * delivered three times (the same event id, body and signature), shuffled and sent by 16
 * threads, credit exactly 1,000 times, and the credits total what the gateway captured.
 */
class WebhookStormIT extends PaymentIntegrationTest {

	private static final int PAYMENTS = 1000;

	private static final int COPIES = 3;

	@Test
	void aThousandPaymentsDeliveredThreeTimesEachShuffledCreditExactlyOnceEach() throws Exception {
		String prefix = "Storm.Flat-";
		List<Delivery> deliveries = new ArrayList<>();
		long expectedTotal = 0;
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<JsonNode>> payments = new ArrayList<>();
			for (int i = 0; i < PAYMENTS; i++) {
				long amount = 1000 + 100L * (i % 50);
				expectedTotal += amount;
				String premise = prefix + i;
				payments.add(pool.submit(() -> {
					JsonNode topUp = startTopUp(premise, amount);
					return gateway().pay(topUp.get("orderId").asString(), false);
				}));
			}
			int n = 0;
			long gatewayCaptured = 0;
			for (Future<JsonNode> future : payments) {
				JsonNode payment = future.get();
				assertThat(payment.get("status").asString()).isEqualTo("captured");
				gatewayCaptured += payment.get("amount").asLong();
				byte[] body = eventBody("payment.captured", payment);
				String signature = WebhookSignature.sign(GatewaySandbox.WEBHOOK_SECRET, body);
				for (int copy = 0; copy < COPIES; copy++) {
					deliveries.add(new Delivery(body, signature, "evt_storm" + n));
				}
				n++;
			}
			assertThat(gatewayCaptured).isEqualTo(expectedTotal);
			Collections.shuffle(deliveries, new Random(1000));
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (Delivery delivery : deliveries) {
				answers.add(pool.submit(() -> webhook(delivery.body(), delivery.signature(), delivery.eventId())));
			}
			int credited = 0;
			int duplicates = 0;
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get();
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				String outcome = JSON.readTree(response.body()).get("outcome").asString();
				if (outcome.equals("CREDITED")) {
					credited++;
				}
				else {
					assertThat(outcome).isEqualTo("DUPLICATE");
					duplicates++;
				}
			}
			assertThat(credited).isEqualTo(PAYMENTS);
			assertThat(duplicates).isEqualTo(PAYMENTS * (COPIES - 1));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(captured(prefix)).containsExactly(PAYMENTS, expectedTotal);
		assertThat(creditsInOutbox(prefix)).isEqualTo(PAYMENTS);
		long total = expectedTotal;
		// Every credit leaves the outbox for the broker.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
					"SELECT count(*) FROM outbox WHERE published_at IS NULL AND message_key LIKE ?", Long.class,
					prefix + "%"))
				.isZero());
		assertThat(this.jdbc.queryForObject(
				"SELECT coalesce(sum(t.amount_paise), 0) FROM top_ups t WHERE t.premise_id LIKE ? AND t.status = 'CAPTURED'",
				Long.class, prefix + "%"))
			.isEqualTo(total);
	}

	private record Delivery(byte[] body, String signature, String eventId) {
	}

}
