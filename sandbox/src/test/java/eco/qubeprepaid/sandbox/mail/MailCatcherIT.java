package eco.qubeprepaid.sandbox.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import eco.qubeprepaid.sandbox.support.SandboxHttp;
import eco.qubeprepaid.sandbox.support.SandboxITSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mail catcher in the running sandbox: real SMTP over 127.0.0.1 to its (free) port,
 * read back through the admin API and the HTML page. Each test starts from a reset.
 */
class MailCatcherIT extends SandboxITSupport {

	private static final String HINDI_SUBJECT = "बैलेंस कम है: ₹42.00 बचे हैं";

	private static final String HINDI_BODY = "नमस्ते,\nआपके फ़्लैट 101 का बैलेंस ₹42.00 है।\nकृपया रिचार्ज करें।\n";

	@Value("${sandbox.mail.smtp-port}")
	private int smtpPort;

	@BeforeEach
	void reset() {
		admin("POST", "/admin/mail/reset");
	}

	@Test
	void listensOnTheConfiguredLoopbackPortNotOn2525() {
		JsonNode status = admin("GET", "/admin/mail");
		assertThat(this.smtpPort).isNotIn(0, 2525);
		assertThat(status.get("smtp").get("host").asString()).isEqualTo("127.0.0.1");
		assertThat(status.get("smtp").get("port").asInt()).isEqualTo(this.smtpPort);
		assertThat(status.get("smtp").get("listening").asBoolean()).isTrue();
		assertThat(status.get("count").asInt()).isZero();
		assertThat(status.get("maxMessages").asInt()).isEqualTo(1000);
	}

	@Test
	void aHindiUtf8MailIsListedWithItsSubjectBodyAndHeadersDecoded() {
		Smtp.send(this.smtpPort, "Qube Prepaid <no-reply@qubeprepaid.local>", "tenant-101@example.in", HINDI_SUBJECT,
				HINDI_BODY, Map.of("X-QP-Notice-Id", "9f1c2d3e-0000-4000-8000-000000000101", "Content-Language", "hi"));

		JsonNode list = awaitMessages(null, 1);
		assertThat(list.get("count").asInt()).isEqualTo(1);
		JsonNode mail = list.get("messages").get(0);
		assertThat(mail.get("subject").asString()).isEqualTo(HINDI_SUBJECT);
		assertThat(mail.get("body").asString()).isEqualTo(HINDI_BODY);
		assertThat(mail.get("from").asString()).isEqualTo("Qube Prepaid <no-reply@qubeprepaid.local>");
		assertThat(mail.get("to")).extracting(JsonNode::asString).containsExactly("tenant-101@example.in");
		assertThat(mail.get("headers").get("X-QP-Notice-Id").asString())
			.isEqualTo("9f1c2d3e-0000-4000-8000-000000000101");
		assertThat(mail.get("headers").get("Content-Language").asString()).isEqualTo("hi");
		assertThat(mail.get("headers").get("Subject").asString()).as("headers are decoded too")
			.isEqualTo(HINDI_SUBJECT);
		String receivedAt = mail.get("receivedAt").asString();
		assertThat(receivedAt).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+05:30");
		assertThat(Duration.between(OffsetDateTime.parse(receivedAt).toInstant(), Instant.now()).abs())
			.isLessThan(Duration.ofMinutes(1));
	}

	@Test
	void listsNewestLastFiltersByRecipientAndShowsTheLatest() {
		Smtp.send(this.smtpPort, "a@example.in", "first", "1");
		Smtp.send(this.smtpPort, "b@example.in", "second", "2");
		Smtp.send(this.smtpPort, "a@example.in", "third", "3");

		JsonNode all = awaitMessages(null, 3);
		assertThat(all.get("messages")).extracting((m) -> m.get("subject").asString())
			.containsExactly("first", "second", "third");
		JsonNode toA = messages("A@Example.in");
		assertThat(toA.get("count").asInt()).isEqualTo(2);
		assertThat(toA.get("messages")).extracting((m) -> m.get("subject").asString())
			.containsExactly("first", "third");
		assertThat(messages("nobody@example.in").get("count").asInt()).isZero();

		assertThat(admin("GET", "/admin/mail/messages/latest?to=b%40example.in").get("subject").asString())
			.isEqualTo("second");
		assertThat(admin("GET", "/admin/mail/messages/latest").get("subject").asString()).isEqualTo("third");
		SandboxHttp.Response none = this.http.send(null, "GET", "/admin/mail/messages/latest?to=nobody%40example.in",
				null);
		assertThat(none.status()).isEqualTo(404);
		assertThat(none.json().get("error").asString()).isEqualTo("not_found");
	}

	@Test
	void resetForgetsEveryMail() {
		Smtp.send(this.smtpPort, "a@example.in", "one", "1");
		Smtp.send(this.smtpPort, "b@example.in", "two", "2");
		awaitMessages(null, 2);

		JsonNode status = admin("POST", "/admin/mail/reset");
		assertThat(status.get("count").asInt()).isZero();
		assertThat(messages(null).get("count").asInt()).isZero();
		assertThat(messages(null).get("messages")).isEmpty();

		Smtp.send(this.smtpPort, "c@example.in", "after", "3");
		assertThat(awaitMessages(null, 1).get("messages").get(0).get("subject").asString()).isEqualTo("after");
	}

	@Test
	void theHtmlPageShowsTheMailsWithEverythingEscaped() {
		Smtp.send(this.smtpPort, "\"<script>alert('from')</script>\" <m@example.in>", "tenant-7@example.in",
				"<script>alert('subject')</script> बैलेंस", "<script>alert(\"body\")</script>\nरिचार्ज & पाएं",
				Map.of());
		awaitMessages(null, 1);

		SandboxHttp.Response page = this.http.send(null, "GET", "/mail", null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
		String html = page.body();
		assertThat(html).doesNotContainIgnoringCase("<script");
		assertThat(html).contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt; बैलेंस");
		assertThat(html).contains("<pre>&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;\nरिचार्ज &amp; पाएं");
		assertThat(html).contains("tenant-7@example.in").contains("&lt;script&gt;alert(&#39;from&#39;)");

		String filtered = this.http
			.send(null, "GET", "/mail?to=" + URLEncoder.encode("x@example.in", StandardCharsets.UTF_8), null)
			.body();
		assertThat(filtered).doesNotContain("tenant-7@example.in").contains("Showing 0 mails");
	}

	@Test
	void anUnknownAdminPathIsA404() {
		SandboxHttp.Response response = this.http.send(null, "GET", "/admin/mail/nothing", null);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("error").asString()).isEqualTo("not_found");
		assertThat(this.http.send(null, "GET", "/admin/mail/reset", null).status()).as("reset is POST only")
			.isEqualTo(404);
	}

	private JsonNode awaitMessages(String to, int count) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> messages(to), (json) -> json.get("count").asInt() == count);
	}

	private JsonNode messages(String to) {
		return admin("GET",
				"/admin/mail/messages" + ((to != null) ? "?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8) : ""));
	}

	private JsonNode admin(String method, String path) {
		SandboxHttp.Response response = this.http.send(null, method, path, null);
		assertThat(response.status()).as("%s %s -> %s", method, path, response.body()).isEqualTo(200);
		return response.json();
	}

}
