package eco.qubeprepaid.sandbox.messaging.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import eco.qubeprepaid.sandbox.messaging.MessagingHttp;
import eco.qubeprepaid.sandbox.messaging.MessagingITSupport;
import eco.qubeprepaid.sandbox.messaging.ReceiptReceiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery receipts to a real receiver: the body and its signature, failed receipts for
 * blocked numbers and the undeliverable fault, retries after a refusal, the receipt
 * delay, no receipt without a URL, and a reset abandoning what is pending.
 */
class MessagingReceiptIT extends MessagingITSupport {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String IST_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+05:30";

	@Test
	void anAcceptedMessageGetsADeliveredReceiptSignedWithTheReceiptSecret() {
		JsonNode answer = accepted("+919876543210", "Balance ₹42.00 left");
		String messageId = answer.get("messageId").asString();
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.receiver.received()).hasSize(1));
		ReceiptReceiver.Received receipt = this.receiver.received().get(0);
		assertThat(receipt.method()).isEqualTo("POST");
		assertThat(receipt.path()).isEqualTo("/receipts/sms");
		assertThat(receipt.contentType()).startsWith("application/json");
		assertThat(receipt.signature()).matches("[0-9a-f]{64}");
		assertThat(receipt.signedWith(MessagingHttp.RECEIPT_SECRET)).isTrue();
		assertThat(receipt.signedWith("another-secret")).isFalse();
		JsonNode body = receipt.json();
		assertThat(body.propertyNames()).containsExactly("messageId", "clientReference", "channel", "status", "error",
				"at");
		assertThat(body.get("messageId").asString()).isEqualTo(messageId);
		assertThat(body.get("clientReference").asString()).isEqualTo(answer.get("clientReference").asString());
		assertThat(body.get("channel").asString()).isEqualTo("sms");
		assertThat(body.get("status").asString()).isEqualTo("delivered");
		assertThat(body.get("error").isNull()).isTrue();
		assertThat(body.get("at").asString()).matches(IST_TIME);

		JsonNode message = this.messaging.fetch(messageId).json();
		assertThat(message.get("status").asString()).isEqualTo("delivered");
		assertThat(message.get("deliveredAt").asString()).isEqualTo(body.get("at").asString());
		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode truth = this.messaging.admin("GET", "/messages/" + messageId, null);
			assertThat(truth.get("receiptStatus").asString()).isEqualTo("delivered");
			assertThat(truth.get("receiptAttempts")).hasSize(1);
			assertThat(truth.get("receiptAttempts").get(0).get("outcome").asString()).isEqualTo("delivered");
			assertThat(truth.get("receiptAttempts").get(0).get("status").asInt()).isEqualTo(200);
		});
	}

	@Test
	void aBlockedNumberIsAcceptedButGetsAFailedDndBlockedReceipt() {
		this.messaging.admin("PUT", "/config", "{\"blockedNumbers\":[\"+919800000001\"]}");
		String blocked = accepted("+919800000001", "Supply cut off").get("messageId").asString();
		String open = accepted("+919800000002", "Supply cut off").get("messageId").asString();
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.receiver.received()).hasSize(2));
		JsonNode failed = this.receiver.of(blocked).get(0).json();
		assertThat(failed.get("status").asString()).isEqualTo("failed");
		assertThat(failed.get("error").asString()).isEqualTo("dnd_blocked");
		assertThat(this.receiver.of(blocked).get(0).signedWith(MessagingHttp.RECEIPT_SECRET)).isTrue();
		assertThat(this.receiver.of(open).get(0).json().get("status").asString()).isEqualTo("delivered");

		JsonNode message = this.messaging.fetch(blocked).json();
		assertThat(message.get("status").asString()).isEqualTo("failed");
		assertThat(message.get("error").asString()).isEqualTo("dnd_blocked");
		assertThat(message.get("failedAt").asString()).isEqualTo(failed.get("at").asString());
		assertThat(message.get("deliveredAt").isNull()).isTrue();
	}

	@Test
	void undeliverableRatioOneGivesEveryMessageAFailedUndeliveredReceipt() {
		this.messaging.admin("PUT", "/config", "{\"undeliverableRatio\":1}");
		String first = accepted("+919876543210", "one").get("messageId").asString();
		String second = this.messaging.send("whatsapp", "+919876543211", "two", reference())
			.json()
			.get("messageId")
			.asString();
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.receiver.received()).hasSize(2));
		for (String messageId : List.of(first, second)) {
			JsonNode receipt = this.receiver.of(messageId).get(0).json();
			assertThat(receipt.get("status").asString()).isEqualTo("failed");
			assertThat(receipt.get("error").asString()).isEqualTo("undelivered");
			assertThat(this.messaging.fetch(messageId).json().get("error").asString()).isEqualTo("undelivered");
		}
		assertThat(this.receiver.of(second).get(0).json().get("channel").asString()).isEqualTo("whatsapp");
	}

	@Test
	void aReceiptAnswered500IsRetriedWithTheSameBodyAndSignatureUntilTaken() {
		AtomicInteger calls = new AtomicInteger();
		this.receiver.respondWith((request) -> (calls.incrementAndGet() == 1) ? 500 : 200);
		String messageId = accepted("+919876543210", "retry me").get("messageId").asString();
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.receiver.of(messageId)).hasSize(2));
		List<ReceiptReceiver.Received> copies = this.receiver.of(messageId);
		assertThat(copies.get(0).body()).isEqualTo(copies.get(1).body());
		assertThat(copies.get(0).signature()).isEqualTo(copies.get(1).signature());
		assertThat(copies.get(1).signedWith(MessagingHttp.RECEIPT_SECRET)).isTrue();
		assertThat(Duration.between(copies.get(0).at(), copies.get(1).at())).as("the first retry waits 500 ms")
			.isGreaterThanOrEqualTo(Duration.ofMillis(450));
		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode truth = this.messaging.admin("GET", "/messages/" + messageId, null);
			assertThat(truth.get("receiptStatus").asString()).isEqualTo("delivered");
			assertThat(truth.get("receiptAttempts")).hasSize(2);
			assertThat(truth.get("receiptAttempts").get(0).get("outcome").asString()).isEqualTo("http_500");
			assertThat(truth.get("receiptAttempts").get(0).get("status").asInt()).isEqualTo(500);
			assertThat(truth.get("receiptAttempts").get(1).get("outcome").asString()).isEqualTo("delivered");
		});
		await().during(Duration.ofMillis(1200))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(this.receiver.of(messageId)).as("no more once taken").hasSize(2));
	}

	@Test
	void theReceiptComesAfterTheReceiptDelayAndTheMessageIsQueuedUntilThen() {
		this.messaging.admin("PUT", "/config", "{\"receiptDelayMs\":700}");
		JsonNode answer = accepted("+919876543210", "later");
		String messageId = answer.get("messageId").asString();
		assertThat(answer.get("status").asString()).isEqualTo("queued");
		JsonNode queued = this.messaging.fetch(messageId).json();
		assertThat(queued.get("status").asString()).isEqualTo("queued");
		assertThat(queued.get("deliveredAt").isNull()).isTrue();
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.receiver.of(messageId)).hasSize(1));
		JsonNode message = this.messaging.fetch(messageId).json();
		Duration waited = Duration.between(OffsetDateTime.parse(message.get("createdAt").asString()),
				OffsetDateTime.parse(this.receiver.of(messageId).get(0).json().get("at").asString()));
		assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(700));
	}

	@Test
	void withoutAReceiptUrlTheMessageStillSettlesButNothingIsPosted() {
		this.messaging.admin("PUT", "/config", "{\"receiptUrl\":\"\"}");
		String messageId = accepted("+919876543210", "quiet").get("messageId").asString();
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.messaging.fetch(messageId).json().get("status").asString())
				.isEqualTo("delivered"));
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(this.receiver.received()).isEmpty());
		assertThat(this.messaging.admin("GET", "/messages/" + messageId, null).get("receiptStatus").asString())
			.isEqualTo("none");
	}

	@Test
	void aResetAbandonsReceiptsStillPending() {
		this.messaging.admin("PUT", "/config", "{\"receiptDelayMs\":500}");
		accepted("+919876543210", "forgotten");
		this.messaging.admin("POST", "/reset", null);
		this.messaging.admin("PUT", "/config", "{\"receiptUrl\":\"" + this.receiver.url() + "\"}");
		await().during(Duration.ofMillis(1000))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(this.receiver.received()).isEmpty());
		String fresh = accepted("+919876543210", "after the reset").get("messageId").asString();
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.receiver.received()).hasSize(1));
		assertThat(new String(this.receiver.received().get(0).body(), StandardCharsets.UTF_8)).contains(fresh);
	}

}
