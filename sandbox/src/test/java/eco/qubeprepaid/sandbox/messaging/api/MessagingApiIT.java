package eco.qubeprepaid.sandbox.messaging.api;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import eco.qubeprepaid.sandbox.messaging.MessagingHttp;
import eco.qubeprepaid.sandbox.messaging.MessagingITSupport;
import eco.qubeprepaid.sandbox.support.SandboxHttp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The provider's public API over real HTTP: the key, each validation error, sending and
 * reading back, idempotency on clientReference, the outage and failure faults, and the
 * {@code sandbox.messaging.requests} counter.
 */
class MessagingApiIT extends MessagingITSupport {

	private static final String IST_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+05:30";

	private static final String TO = "+919876543210";

	@Autowired
	private MeterRegistry registry;

	@Test
	void aMissingOrWrongKeyIsRefusedWith401AndRecordsNothing() {
		String body = MessagingHttp.body("sms", TO, "Your balance is low", reference());
		String path = "/messaging/v1/messages";
		MessagingHttp.assertError(this.messaging.request("POST", path, body, Map.of()), 401, "unauthorized");
		MessagingHttp.assertError(
				this.messaging.request("POST", path, body, Map.of("Authorization", "Bearer wrong-key")), 401,
				"unauthorized");
		MessagingHttp.assertError(
				this.messaging.request("POST", path, body, Map.of("Authorization", "Basic " + MessagingHttp.API_KEY)),
				401, "unauthorized");
		MessagingHttp.assertError(this.messaging.request("GET", path + "/msg_x", null, Map.of()), 401, "unauthorized");
		assertThat(this.messaging.admin("GET", "/messages", null).get("count").asInt()).isZero();
		assertThat(this.messaging.admin("GET", "/counters", null).get("refused").asLong()).isEqualTo(3);
	}

	@Test
	void anUnsupportedOrMissingChannelIsRefused() {
		assertRefused(MessagingHttp.body("telegram", TO, "hi", reference()), "unsupported_channel", "telegram");
		assertRefused(MessagingHttp.body("SMS", TO, "hi", reference()), "unsupported_channel", "SMS");
		assertRefused(MessagingHttp.body(null, TO, "hi", reference()), "invalid_request", "channel");
	}

	@Test
	void aNumberThatIsNotE164IsRefusedWithInvalidNumber() {
		for (String to : new String[] { "9876543210", "+91 98765 43210", "+91-9876543210", "+1234567",
				"+1234567890123456", "+0919876543210", "", "+91987654321O" }) {
			assertRefused(MessagingHttp.body("sms", to, "hi", reference()), "invalid_number", "E.164");
		}
		assertRefused(MessagingHttp.body("whatsapp", null, "hi", reference()), "invalid_request", "to");
		assertThat(this.messaging.send("sms", "+12345678", "hi", reference()).status()).as("8 digits").isEqualTo(202);
		assertThat(this.messaging.send("sms", "+123456789012345", "hi", reference()).status()).as("15 digits")
			.isEqualTo(202);
	}

	@Test
	void aBodyOrClientReferenceOutsideItsLimitsIsRefusedWithInvalidRequest() {
		assertRefused(MessagingHttp.body("sms", TO, "", reference()), "invalid_request", "body must be 1 to 1600");
		assertRefused(MessagingHttp.body("sms", TO, "x".repeat(1601), reference()), "invalid_request", "1601");
		assertRefused(MessagingHttp.body("sms", TO, null, reference()), "invalid_request", "body is required");
		assertRefused(MessagingHttp.body("sms", TO, "hi", ""), "invalid_request", "clientReference must be 1 to 128");
		assertRefused(MessagingHttp.body("sms", TO, "hi", "r".repeat(129)), "invalid_request", "129");
		assertRefused(MessagingHttp.body("sms", TO, "hi", null), "invalid_request", "clientReference is required");
		assertThat(this.messaging.send("sms", TO, "x".repeat(1600), reference()).status()).isEqualTo(202);
		assertThat(this.messaging.send("sms", TO, "\u20b9".repeat(1600), reference()).status())
			.as("1600 characters, whatever their bytes")
			.isEqualTo(202);
		assertThat(this.messaging.send("sms", TO, "hi", "r".repeat(128)).status()).isEqualTo(202);
	}

	@Test
	void aMalformedOrMistypedBodyIsRefusedWithInvalidRequest() {
		assertRefused("{\"channel\":\"sms\",", "invalid_request", "not valid JSON");
		assertRefused("[]", "invalid_request", "JSON object");
		assertRefused("", "invalid_request", "body is required");
		assertRefused("{\"channel\":\"sms\",\"to\":919876543210,\"body\":\"hi\",\"clientReference\":\"r-1\"}",
				"invalid_request", "to must be a string");
		assertRefused("{\"channel\":\"sms\",\"to\":\"+919876543210\",\"body\":[\"hi\"],\"clientReference\":\"r-1\"}",
				"invalid_request", "body must be a string");
	}

	@Test
	void anAcceptedMessageAnswers202QueuedAndCanBeReadBackUntilDelivered() {
		String reference = reference();
		SandboxHttp.Response response = this.messaging.send("whatsapp", TO, "Recharge of ₹200.00 received", reference);
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		JsonNode answer = response.json();
		assertThat(answer.propertyNames()).containsExactly("messageId", "clientReference", "status");
		String messageId = answer.get("messageId").asString();
		assertThat(messageId).matches("msg_[0-9A-Za-z]{14}");
		assertThat(answer.get("clientReference").asString()).isEqualTo(reference);
		assertThat(answer.get("status").asString()).isEqualTo("queued");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode message = this.messaging.fetch(messageId).json();
			assertThat(message.get("status").asString()).isEqualTo("delivered");
		});
		SandboxHttp.Response fetched = this.messaging.fetch(messageId);
		assertThat(fetched.status()).isEqualTo(200);
		JsonNode message = fetched.json();
		assertThat(message.get("messageId").asString()).isEqualTo(messageId);
		assertThat(message.get("clientReference").asString()).isEqualTo(reference);
		assertThat(message.get("channel").asString()).isEqualTo("whatsapp");
		assertThat(message.get("to").asString()).isEqualTo(TO);
		assertThat(message.get("body").asString()).isEqualTo("Recharge of ₹200.00 received");
		assertThat(message.get("error").isNull()).isTrue();
		assertThat(message.get("createdAt").asString()).matches(IST_TIME);
		assertThat(message.get("deliveredAt").asString()).matches(IST_TIME);
		assertThat(message.get("failedAt").isNull()).isTrue();
		assertThat(OffsetDateTime.parse(message.get("deliveredAt").asString()))
			.isAfterOrEqualTo(OffsetDateTime.parse(message.get("createdAt").asString()));
	}

	@Test
	void aRepeatWithTheSameClientReferenceAndPayloadAnswers200WithTheSameMessage() {
		String reference = reference();
		String body = MessagingHttp.body("sms", TO, "Your supply was restored", reference);
		String messageId = this.messaging.send(body).json().get("messageId").asString();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.messaging.fetch(messageId).json().get("status").asString())
				.isEqualTo("delivered"));

		SandboxHttp.Response repeat = this.messaging.send(body);
		assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
		assertThat(repeat.json().get("messageId").asString()).isEqualTo(messageId);
		assertThat(repeat.json().get("clientReference").asString()).isEqualTo(reference);
		assertThat(repeat.json().get("status").asString()).as("its current status").isEqualTo("delivered");
		assertThat(this.messaging.admin("GET", "/messages", null).get("count").asInt()).isEqualTo(1);
		assertThat(this.receiver.of(messageId)).as("one message, one receipt").hasSize(1);
	}

	@Test
	void aReusedClientReferenceWithAnotherPayloadIsAConflictAndChangesNothing() {
		String reference = reference();
		String messageId = this.messaging.send("sms", TO, "first text", reference).json().get("messageId").asString();
		String message = MessagingHttp.assertError(this.messaging.send("sms", TO, "other text", reference), 409,
				"conflict");
		assertThat(message).contains(reference).contains("(body differs)");
		assertThat(MessagingHttp.assertError(this.messaging.send("sms", "+919876543211", "first text", reference), 409,
				"conflict"))
			.contains("(to differs)");
		assertThat(MessagingHttp.assertError(this.messaging.send("whatsapp", TO, "first text", reference), 409,
				"conflict"))
			.contains("(channel differs)");
		JsonNode messages = this.messaging.admin("GET", "/messages", null);
		assertThat(messages.get("count").asInt()).isEqualTo(1);
		assertThat(messages.get("messages").get(0).get("messageId").asString()).isEqualTo(messageId);
		assertThat(messages.get("messages").get(0).get("body").asString()).isEqualTo("first text");
	}

	@Test
	void anUnknownMessageOrRouteIs404() {
		MessagingHttp.assertError(this.messaging.fetch("msg_doesnotexist00"), 404, "not_found");
		MessagingHttp.assertError(this.messaging.api("GET", "/messaging/v1/other", null), 404, "not_found");
		MessagingHttp.assertError(this.messaging.api("DELETE", "/messaging/v1/messages", null), 404, "not_found");
	}

	@Test
	void duringAnOutageEverySendAnswers503AndNothingIsRecorded() {
		this.messaging.admin("PUT", "/config", "{\"outage\":true}");
		MessagingHttp.assertError(this.messaging.send("sms", TO, "hi", reference()), 503, "service_unavailable");
		MessagingHttp.assertError(this.messaging.send("{not json"), 503, "service_unavailable");
		assertThat(this.messaging.admin("GET", "/messages", null).get("count").asInt()).isZero();

		this.messaging.admin("PUT", "/config", "{\"outage\":false}");
		assertThat(this.messaging.send("sms", TO, "hi", reference()).status()).isEqualTo(202);
		assertThat(this.messaging.admin("GET", "/counters", null).get("outage").asLong()).isEqualTo(2);
	}

	@Test
	void failureRatioOneAnswers500AndRecordsNothingSoARetryCreatesTheMessage() {
		this.messaging.admin("PUT", "/config", "{\"failureRatio\":1}");
		String reference = reference();
		MessagingHttp.assertError(this.messaging.send("sms", TO, "hi", reference), 500, "internal_error");
		MessagingHttp.assertError(this.messaging.send("sms", TO, "hi", reference), 500, "internal_error");
		assertThat(this.messaging.admin("GET", "/messages", null).get("count").asInt()).isZero();

		this.messaging.admin("PUT", "/config", "{\"failureRatio\":0}");
		SandboxHttp.Response retry = this.messaging.send("sms", TO, "hi", reference);
		assertThat(retry.status()).as("nothing was kept of the failed tries").isEqualTo(202);
		assertThat(this.messaging.admin("GET", "/messages", null).get("count").asInt()).isEqualTo(1);
	}

	@Test
	void everySendIsCountedByChannelAndOutcome() {
		double sms = count("sms", "accepted");
		double whatsapp = count("whatsapp", "accepted");
		double duplicate = count("sms", "duplicate");
		double refused = count("unknown", "refused");
		String reference = reference();
		this.messaging.send("sms", TO, "hi", reference);
		this.messaging.send("sms", TO, "hi", reference);
		this.messaging.send("whatsapp", TO, "hi", reference());
		this.messaging.send("telegram", TO, "hi", reference());
		assertThat(count("sms", "accepted")).isEqualTo(sms + 1);
		assertThat(count("whatsapp", "accepted")).isEqualTo(whatsapp + 1);
		assertThat(count("sms", "duplicate")).isEqualTo(duplicate + 1);
		assertThat(count("unknown", "refused")).isEqualTo(refused + 1);
		SandboxHttp.Response prometheus = this.http.get(null, "/actuator/prometheus");
		assertThat(prometheus.body()).containsPattern(
				"sandbox_messaging_requests_total\\{[^}]*channel=\"whatsapp\"[^}]*outcome=\"accepted\"[^}]*} [1-9]");
	}

	private double count(String channel, String outcome) {
		Counter counter = this.registry.find("sandbox.messaging.requests")
			.tags("channel", channel, "outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private void assertRefused(String body, String code, String mentioned) {
		String message = MessagingHttp.assertError(this.messaging.send(body), 400, code);
		assertThat(message).contains(mentioned);
		assertThat(this.messaging.admin("GET", "/messages", null).get("count").asInt()).isZero();
	}

}
