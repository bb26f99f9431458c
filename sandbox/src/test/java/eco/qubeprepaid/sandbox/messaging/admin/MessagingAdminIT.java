package eco.qubeprepaid.sandbox.messaging.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import eco.qubeprepaid.sandbox.messaging.MessagingHttp;
import eco.qubeprepaid.sandbox.messaging.MessagingITSupport;
import eco.qubeprepaid.sandbox.support.SandboxHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider's admin API: settings with validation, messages, counters and reset. */
class MessagingAdminIT extends MessagingITSupport {

	@Test
	void showsAndPartiallyChangesTheSettings() {
		JsonNode config = this.messaging.admin("GET", "/config", null);
		assertThat(config.propertyNames()).containsExactly("outage", "failureRatio", "undeliverableRatio",
				"blockedNumbers", "receiptUrl", "receiptDelayMs");
		assertThat(config.get("outage").asBoolean()).isFalse();
		assertThat(config.get("failureRatio").asDouble()).isZero();
		assertThat(config.get("undeliverableRatio").asDouble()).isZero();
		assertThat(config.get("blockedNumbers")).isEmpty();
		assertThat(config.get("receiptUrl").asString()).isEqualTo(this.receiver.url());
		assertThat(config.get("receiptDelayMs").asLong()).isEqualTo(50);

		JsonNode changed = this.messaging.admin("PUT", "/config",
				"{\"failureRatio\":0.25,\"blockedNumbers\":[\"+919800000001\",\"+919800000002\",\"+919800000001\"],"
						+ "\"receiptDelayMs\":0}");
		assertThat(changed.get("failureRatio").asDouble()).isEqualTo(0.25);
		assertThat(changed.get("blockedNumbers")).extracting(JsonNode::asString)
			.containsExactly("+919800000001", "+919800000002");
		assertThat(changed.get("receiptDelayMs").asLong()).isZero();
		assertThat(changed.get("outage").asBoolean()).as("left as it was").isFalse();
		assertThat(changed.get("receiptUrl").asString()).isEqualTo(this.receiver.url());
		assertThat(this.messaging.admin("GET", "/config", null)).isEqualTo(changed);

		JsonNode cleared = this.messaging.admin("PUT", "/config", "{\"receiptUrl\":null,\"blockedNumbers\":[]}");
		assertThat(cleared.get("receiptUrl").asString()).isEmpty();
		assertThat(cleared.get("blockedNumbers")).isEmpty();
	}

	@Test
	void refusesBadSettingsWithA400NamingTheProblemAndChangesNothing() {
		JsonNode before = this.messaging.admin("GET", "/config", null);
		assertRefused("{\"failureRatio\":1.5}", "invalid_request", "failureRatio must be between 0 and 1");
		assertRefused("{\"undeliverableRatio\":-0.1}", "invalid_request", "undeliverableRatio must be between");
		assertRefused("{\"failureRatio\":\"half\"}", "invalid_request", "failureRatio must be a number");
		assertRefused("{\"outage\":\"yes\"}", "invalid_request", "outage must be true or false");
		assertRefused("{\"receiptDelayMs\":-1}", "invalid_request", "receiptDelayMs must be between 0 and");
		assertRefused("{\"receiptDelayMs\":1.5}", "invalid_request", "receiptDelayMs must be an integer");
		assertRefused("{\"receiptDelayMs\":3600001}", "invalid_request", "receiptDelayMs must be between 0 and");
		assertRefused("{\"receiptUrl\":\"ftp://127.0.0.1/x\"}", "invalid_request", "receiptUrl must be");
		assertRefused("{\"receiptUrl\":\"/relative\"}", "invalid_request", "receiptUrl must be");
		assertRefused("{\"blockedNumbers\":\"+919800000001\"}", "invalid_request", "array of strings");
		assertRefused("{\"blockedNumbers\":[919800000001]}", "invalid_request", "array of strings");
		assertRefused("{\"blockedNumbers\":[\"98000 00001\"]}", "invalid_number", "blockedNumbers");
		assertRefused("{\"apiKey\":\"other\"}", "invalid_request", "apiKey");
		assertRefused("{\"failureRatio\":0.5,\"undeliverableRatio\":2}", "invalid_request", "undeliverableRatio");
		assertRefused("{\"outage\":", "invalid_request", "not valid JSON");
		assertThat(this.messaging.admin("GET", "/config", null)).isEqualTo(before);
	}

	@Test
	void listsEveryAcceptedMessageOldestFirstAndFiltersByRecipient() {
		String first = accepted("+919800000001", "one").get("messageId").asString();
		String second = accepted("+919800000002", "two").get("messageId").asString();
		String third = accepted("+919800000001", "three").get("messageId").asString();
		this.messaging.send("sms", "not-a-number", "refused", reference());

		JsonNode all = this.messaging.admin("GET", "/messages", null);
		assertThat(all.get("count").asInt()).isEqualTo(3);
		assertThat(ids(all)).containsExactly(first, second, third);
		JsonNode one = all.get("messages").get(0);
		assertThat(one.get("to").asString()).isEqualTo("+919800000001");
		assertThat(one.get("body").asString()).isEqualTo("one");
		assertThat(one.has("receiptStatus")).isTrue();
		assertThat(one.has("receiptAttempts")).isTrue();

		JsonNode filtered = this.messaging.admin("GET", "/messages?to=%2B919800000001", null);
		assertThat(ids(filtered)).containsExactly(first, third);
		assertThat(this.messaging.admin("GET", "/messages?to=%2B910000000000", null).get("count").asInt()).isZero();
	}

	@Test
	void countsSendsAttemptedAndRefused() {
		String reference = reference();
		this.messaging.send("sms", "+919876543210", "hi", reference);
		this.messaging.send("sms", "+919876543210", "hi", reference);
		this.messaging.send("sms", "+919876543210", "other", reference);
		this.messaging.send("fax", "+919876543210", "hi", reference());
		this.messaging.admin("PUT", "/config", "{\"failureRatio\":1}");
		this.messaging.send("sms", "+919876543210", "hi", reference());
		this.messaging.admin("PUT", "/config", "{\"failureRatio\":0,\"outage\":true}");
		this.messaging.send("sms", "+919876543210", "hi", reference());

		JsonNode counters = this.messaging.admin("GET", "/counters", null);
		assertThat(counters.propertyNames()).containsExactly("attempted", "accepted", "duplicate", "refused", "outage",
				"failed");
		assertThat(counters.get("attempted").asLong()).isEqualTo(6);
		assertThat(counters.get("accepted").asLong()).isEqualTo(1);
		assertThat(counters.get("duplicate").asLong()).isEqualTo(1);
		assertThat(counters.get("refused").asLong()).as("the conflict and the fax").isEqualTo(2);
		assertThat(counters.get("failed").asLong()).isEqualTo(1);
		assertThat(counters.get("outage").asLong()).isEqualTo(1);
	}

	@Test
	void resetForgetsMessagesCountersAndSettings() {
		String reference = reference();
		String before = accepted("+919876543210", "hi").get("messageId").asString();
		this.messaging.admin("PUT", "/config", "{\"outage\":true,\"blockedNumbers\":[\"+919800000001\"]}");

		JsonNode config = this.messaging.admin("POST", "/reset", null);
		assertThat(config.get("outage").asBoolean()).isFalse();
		assertThat(config.get("blockedNumbers")).isEmpty();
		assertThat(config.get("receiptUrl").asString()).as("the start-up setting: none").isEmpty();
		assertThat(this.messaging.admin("GET", "/messages", null).get("count").asInt()).isZero();
		assertThat(this.messaging.admin("GET", "/counters", null).get("attempted").asLong()).isZero();
		MessagingHttp.assertError(this.messaging.fetch(before), 404, "not_found");
		SandboxHttp.Response again = this.messaging.send("sms", "+919876543210", "hi", reference);
		assertThat(again.status()).isEqualTo(202);
		assertThat(again.json().get("messageId").asString()).as("ids never repeat").isNotEqualTo(before);
	}

	@Test
	void anUnknownAdminPathIs404() {
		SandboxHttp.Response response = this.messaging.request("GET", "/admin/messaging/nothing", null, Map.of());
		MessagingHttp.assertError(response, 404, "not_found");
	}

	private void assertRefused(String body, String code, String mentioned) {
		SandboxHttp.Response response = this.messaging.request("PUT", "/admin/messaging/config", body, Map.of());
		assertThat(MessagingHttp.assertError(response, 400, code)).contains(mentioned);
	}

	private static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.get("messages").forEach((m) -> ids.add(m.get("messageId").asString()));
		return ids;
	}

}
