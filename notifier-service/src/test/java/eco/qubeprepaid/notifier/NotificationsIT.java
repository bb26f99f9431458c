package eco.qubeprepaid.notifier;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.CutoffScheduled;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandCompleted;
import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.LowBalanceReached;
import eco.qubeprepaid.events.MeterOffline;
import eco.qubeprepaid.events.SupplyRestoreOverdue;
import eco.qubeprepaid.events.TenantMovedIn;
import eco.qubeprepaid.events.TopUpFailed;
import eco.qubeprepaid.notifier.channel.domain.WebhookSignature;
import eco.qubeprepaid.notifier.support.MessagingSandbox;
import eco.qubeprepaid.notifier.support.OperatorInbox;
import eco.qubeprepaid.service.time.Ist;
import eco.qubeprepaid.testsupport.OperatorAuth;
import eco.qubeprepaid.testsupport.ServiceSmokeChecks;
import eco.qubeprepaid.testsupport.TestServers;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notifier-service on real servers: its own PostgreSQL and the Kafka broker
 * (test-support), a real SMTP server (GreenMail on 127.0.0.1), the sandbox's SMS/WhatsApp
 * provider over HTTP, and an operator's webhook receiver. Quiet hours are set around the
 * time the test runs, so that a non-urgent notice is held and an urgent one goes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationsIT {

	private static final String WEBHOOK_SECRET = "it-operator-webhook-secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int SMTP_PORT = freePort();

	private static final GreenMail SMTP = startSmtp();

	private static final OperatorInbox INBOX = startInbox();

	private static final LocalTime QUIET_START = LocalTime.now(Ist.ZONE).minusHours(1).withSecond(0).withNano(0);

	private static final LocalTime QUIET_END = LocalTime.now(Ist.ZONE).plusHours(2).withSecond(0).withNano(0);

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	int port;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	EventCodec codec;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		TestServers.register(registry, "notifier");
		registry.add("qp.notifier.mail.host", () -> "127.0.0.1");
		registry.add("qp.notifier.mail.port", () -> SMTP_PORT);
		registry.add("qp.notifier.messaging.base-url", () -> MessagingSandbox.get().baseUrl());
		registry.add("qp.notifier.operators.webhook-url", INBOX::url);
		registry.add("qp.notifier.operators.webhook-secret", () -> WEBHOOK_SECRET);
		registry.add("qp.notifier.operators.email", () -> "ops@qubeprepaid.test");
		registry.add("qp.notifier.quiet-hours.start", () -> QUIET_START.format(DateTimeFormatter.ofPattern("HH:mm")));
		registry.add("qp.notifier.quiet-hours.end", () -> QUIET_END.format(DateTimeFormatter.ofPattern("HH:mm")));
		registry.add("qp.notifier.delivery.poll-interval", () -> "100ms");
		registry.add("qp.notifier.delivery.first-retry", () -> "200ms");
		registry.add("qp.notifier.delivery.max-attempts", () -> "3");
	}

	@AfterAll
	static void stopServers() {
		SMTP.stop();
		INBOX.close();
	}

	@Test
	void startsHealthyOnItsOwnDatabaseAndTheBroker() {
		ServiceSmokeChecks.assertReadyWithDatabaseAndBroker(this.port);
		ServiceSmokeChecks.assertPrometheusScrape(this.port, "notifier-service");
	}

	@Test
	void aTopUpEmailReachesTheTenantInHindiWithTheAmountInRupees() throws Exception {
		String premise = premise();
		String email = "asha." + UUID.randomUUID() + "@example.in";
		moveIn(premise, "आशा वर्मा", null, email, "hi");
		publish(new BalanceCredited(UUID.randomUUID(), Instant.now(), premise, "pay_" + UUID.randomUUID(), 50000,
				123450, BalanceCredited.SOURCE_TOP_UP));

		MimeMessage mail = await().atMost(Duration.ofSeconds(30))
			.until(() -> mailsTo(email), (m) -> m.size() == 1)
			.get(0);
		assertThat(mail.getSubject()).contains("₹500.00").contains("भुगतान");
		String body = (String) mail.getContent();
		assertThat(body).contains("प्रिय आशा वर्मा").contains("₹1,234.50").contains(premise).contains(" IST");
		assertThat(mail.getHeader("X-QP-Notice-Id")).hasSize(1);
		assertThat(mail.getFrom()[0].toString()).contains("no-reply@qubeprepaid.local");
		JsonNode notice = notices(premise).get(0);
		assertThat(notice.path("status").asString()).isEqualTo("SENT");
		assertThat(notice.path("kind").asString()).isEqualTo("top-up-received");
		assertThat(notice.path("noticeId").asString()).isEqualTo(mail.getHeader("X-QP-Notice-Id")[0]);
		assertThat(scrape()).containsPattern(
				"notifier_notices_total\\{[^}]*kind=\"top-up-received\"[^}]*urgency=\"urgent\"[^}]*} [1-9]");
	}

	@Test
	void theSameEventTwiceOrTheSameCommandUnderAnotherEventSendsOneNotice() throws Exception {
		String premise = premise();
		String email = "ravi." + UUID.randomUUID() + "@example.in";
		moveIn(premise, "Ravi Kumar", null, email, "en");
		UUID command = UUID.randomUUID();
		DeviceCommandCompleted cut = new DeviceCommandCompleted(UUID.randomUUID(), Instant.now(), premise, command,
				DeviceCommand.RELAY_OFF, "dev-1", false, 0L, 1);
		publish(cut);
		publish(cut);
		publish(new DeviceCommandCompleted(UUID.randomUUID(), Instant.now(), premise, command, DeviceCommand.RELAY_OFF,
				"dev-1", false, 0L, 2));
		// A later event of the same premise (same partition, so consumed after the three
		// above) whose notice shows they were all applied.
		publish(new DeviceCommandCompleted(UUID.randomUUID(), Instant.now(), premise, UUID.randomUUID(),
				DeviceCommand.RELAY_ON, "dev-1", true, 10000L, 1));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(subjects(email)).anyMatch((s) -> s.startsWith("Power is back on")));
		assertThat(subjects(email)).filteredOn((s) -> s.startsWith("Power switched off")).hasSize(1);
		assertThat(notices(premise)).hasSize(2);
	}

	@Test
	void aProviderOutageIsRetriedWithBackOffThenDeadLetteredAndAnOperatorCanRequeueIt() throws Exception {
		MessagingSandbox provider = MessagingSandbox.get();
		String premise = premise();
		String phone = "+9198" + (10000000 + (int) (Math.random() * 89999999));
		moveIn(premise, "Meena", phone, null, "en");
		provider.admin("PUT", "/config", "{\"outage\":true}");
		try {
			publish(new DeviceCommandCompleted(UUID.randomUUID(), Instant.now(), premise, UUID.randomUUID(),
					DeviceCommand.RELAY_OFF, "dev-1", false, 0L, 1));
			JsonNode dead = await().atMost(Duration.ofSeconds(30))
				.until(() -> notices(premise),
						(list) -> list.size() == 1 && list.get(0).path("status").asString().equals("DEAD"))
				.get(0);
			assertThat(dead.path("attempts").asInt()).isEqualTo(3);
			assertThat(dead.path("lastError").asString()).contains("503");
			JsonNode log = get("/api/notices/" + dead.path("noticeId").asString(), OperatorAuth.VIEWER);
			assertThat(StreamSupport.stream(log.path("attempts").spliterator(), false)
				.map((attempt) -> attempt.path("outcome").asString())).containsExactly("retry", "retry", "dead-letter");
			assertThat(scrape()).containsPattern(
					"notifier_notifications_total\\{[^}]*channel=\"sms\"[^}]*outcome=\"dead-letter\"[^}]*} [1-9]");
		}
		finally {
			provider.admin("PUT", "/config", "{\"outage\":false}");
		}
		String noticeId = notices(premise).get(0).path("noticeId").asString();
		assertThat(post("/api/notices/" + noticeId + "/requeue", "", OperatorAuth.VIEWER).statusCode()).isEqualTo(403);
		assertThat(post("/api/notices/" + noticeId + "/requeue", "", OperatorAuth.MONEY).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(notices(premise).get(0).path("status").asString()).isIn("SENT", "DELIVERED"));
		JsonNode sent = provider.admin("GET", "/messages?to=" + phone.replace("+", "%2B"), null);
		assertThat(sent.path("count").asInt()).isEqualTo(1);
		assertThat(sent.path("messages").get(0).path("clientReference").asString()).isEqualTo(noticeId);
		assertThat(post("/api/notices/" + noticeId + "/requeue", "", OperatorAuth.MONEY).statusCode()).isEqualTo(409);
	}

	@Test
	void anSmsIsMarkedDeliveredByTheProvidersSignedReceiptAndAForgedReceiptIsRefused() throws Exception {
		MessagingSandbox provider = MessagingSandbox.get();
		provider.admin("PUT", "/config",
				"{\"receiptUrl\":\"http://127.0.0.1:" + this.port + "/webhooks/messaging/receipts\"}");
		String premise = premise();
		String phone = "+9197" + (10000000 + (int) (Math.random() * 89999999));
		moveIn(premise, "Kiran", phone, null, "hi");
		publish(new DeviceCommandCompleted(UUID.randomUUID(), Instant.now(), premise, UUID.randomUUID(),
				DeviceCommand.RELAY_ON, "dev-1", true, 5000L, 1));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(notices(premise).get(0).path("status").asString()).isEqualTo("DELIVERED"));
		JsonNode sms = provider.admin("GET", "/messages?to=" + phone.replace("+", "%2B"), null).path("messages").get(0);
		assertThat(sms.path("body").asString()).contains("बिजली फिर से चालू");

		String forged = "{\"messageId\":\"" + sms.path("messageId").asString() + "\",\"status\":\"failed\"}";
		HttpResponse<String> refused = this.http.send(HttpRequest.newBuilder(uri("/webhooks/messaging/receipts"))
			.header("Content-Type", "application/json")
			.header("X-Provider-Signature",
					WebhookSignature.hex("not-the-secret", forged.getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(forged))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(notices(premise).get(0).path("status").asString()).isEqualTo("DELIVERED");
	}

	@Test
	void anOperatorWebhookCarriesAValidSignatureOfItsBody() throws Exception {
		String premise = premise();
		publish(new SupplyRestoreOverdue(UUID.randomUUID(), Instant.now(), premise, Instant.now().minusSeconds(900),
				25000, 4, "device_offline"));
		OperatorInbox.Received hook = await().atMost(Duration.ofSeconds(30))
			.until(() -> INBOX.received().stream().filter((r) -> r.text().contains(premise)).toList(),
					(list) -> !list.isEmpty())
			.get(0);
		String signature = hook.header("X-QP-Signature");
		assertThat(signature).isEqualTo("sha256=" + WebhookSignature.hex(WEBHOOK_SECRET, hook.body()));
		assertThat(signature).isNotEqualTo("sha256=" + WebhookSignature.hex("another-secret", hook.body()));
		JsonNode body = JSON.readTree(hook.body());
		assertThat(body.path("kind").asString()).isEqualTo("restore-overdue");
		assertThat(body.path("premiseId").asString()).isEqualTo(premise);
		assertThat(body.path("text").asString()).contains("₹250.00").contains("device_offline");
		assertThat(hook.header("X-QP-Notice-Id")).isEqualTo(body.path("noticeId").asString());
		// The operators' email gets it too.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(subjects("ops@qubeprepaid.test")).anyMatch((s) -> s.contains(premise)));
	}

	@Test
	void quietHoursHoldALowBalanceRungAndLetACutOffNoticeThrough() throws Exception {
		String premise = premise();
		String email = "night." + UUID.randomUUID() + "@example.in";
		moveIn(premise, "Night Owl", null, email, "en");
		publish(new LowBalanceReached(UUID.randomUUID(), Instant.now(), premise, "30%", 30000, 29000));
		publish(new DeviceCommandCompleted(UUID.randomUUID(), Instant.now(), premise, UUID.randomUUID(),
				DeviceCommand.RELAY_OFF, "dev-1", false, 0L, 1));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(subjects(email)).anyMatch((s) -> s.startsWith("Power switched off")));
		assertThat(subjects(email)).noneMatch((s) -> s.startsWith("Low electricity balance"));
		JsonNode held = notices(premise).stream()
			.filter((n) -> n.path("kind").asString().equals("low-balance"))
			.findFirst()
			.orElseThrow();
		assertThat(held.path("status").asString()).isEqualTo("PENDING");
		assertThat(held.path("urgency").asString()).isEqualTo("normal");
		Instant until = Instant.parse(held.path("heldUntil").asString());
		assertThat(until.atZone(Ist.ZONE).toLocalTime()).isEqualTo(QUIET_END);
		assertThat(until).isAfter(Instant.now());
		assertThat(scrape()).containsPattern("notifier_notifications_held\\{[^}]*} [1-9]");
	}

	@Test
	void aFailedPaymentAndAScheduledCutOffReachTheTenantAtOnceInQuietHoursAndAnOfflineMeterTheOperators()
			throws Exception {
		String premise = premise();
		String email = "late." + UUID.randomUUID() + "@example.in";
		moveIn(premise, "Late Payer", null, email, "en");
		publish(new TopUpFailed(UUID.randomUUID(), Instant.now(), premise, UUID.randomUUID(), 20000,
				"payment_declined"));
		Instant windowEnd = Instant.parse("2026-12-08T04:30:00Z");
		publish(new CutoffScheduled(UUID.randomUUID(), Instant.now(), premise, windowEnd, -1250));
		publish(new MeterOffline(UUID.randomUUID(), Instant.now(), premise, "QUBE-ONE-OFF",
				Instant.now().minusSeconds(1800)));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(subjects(email)).contains("Your payment of ₹200.00 did not go through",
					"Power at " + premise + " will be switched off at 08-12-2026 10:00 IST"));
		String body = (String) mailsTo(email).stream()
			.filter((mail) -> subject(mail).startsWith("Power at"))
			.findFirst()
			.orElseThrow()
			.getContent();
		assertThat(body).contains("-₹12.50");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(INBOX.received())
				.anyMatch((hook) -> hook.text().contains(premise) && hook.text().contains("meter-offline")));
	}

	@Test
	void anAlertFromAlertmanagerBecomesOneOperatorNoticeHoweverOftenItIsSent() throws Exception {
		String fingerprint = Long.toHexString(System.nanoTime());
		String payload = """
				{"version":"4","status":"firing","receiver":"notifier","groupKey":"{}:{alertname=\\"DeadLettersGrowing\\"}",
				 "alerts":[{"status":"firing","labels":{"alertname":"DeadLettersGrowing","severity":"page",
				   "application":"balance-service","topic":"%s"},
				   "annotations":{"summary":"balance-service dead-lettered records","runbook":"Read the records on the .dlt topic"},
				   "startsAt":"2026-12-07T08:00:00.000Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"%s"}]}
				"""
			.formatted("it-" + fingerprint, fingerprint);
		assertThat(post("/api/service/alerts/alertmanager", payload, null).statusCode()).isEqualTo(401);
		assertThat(post("/api/service/alerts/alertmanager", payload, OperatorAuth.MONEY).statusCode()).isEqualTo(403);
		HttpResponse<String> first = post("/api/service/alerts/alertmanager", payload, OperatorAuth.ALERTMANAGER);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(first.body()).path("accepted").asInt()).isEqualTo(1);
		HttpResponse<String> again = post("/api/service/alerts/alertmanager", payload, OperatorAuth.ALERTMANAGER);
		assertThat(JSON.readTree(again.body()).path("accepted").asInt()).isEqualTo(0);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(INBOX.received()).anyMatch((r) -> r.text().contains("it-" + fingerprint)));
		List<OperatorInbox.Received> hooks = INBOX.received()
			.stream()
			.filter((r) -> r.text().contains("it-" + fingerprint))
			.toList();
		assertThat(hooks).hasSize(1);
		assertThat(hooks.get(0).text()).contains("[FIRING] DeadLettersGrowing (page)");
		assertThat(post("/api/service/alerts/alertmanager", "{\"alerts\":[{\"status\":\"firing\"}]}",
				OperatorAuth.ALERTMANAGER)
			.statusCode()).isEqualTo(400);
	}

	@Test
	void anOperatorSetsATenantsChannelsAndBadInputIsRefusedWithTheReason() throws Exception {
		String premise = premise();
		UUID tenant = moveIn(premise, "Sunita", "+919811112222", "sunita@example.in", "en");
		HttpResponse<String> bad = put("/api/recipients/" + tenant + "/preferences", "{\"channels\":[\"fax\"]}",
				OperatorAuth.MONEY);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("'fax' is not a tenant's channel");
		assertThat(
				put("/api/recipients/" + tenant + "/preferences", "{\"channels\":[\"whatsapp\"]}", OperatorAuth.VIEWER)
					.statusCode())
			.isEqualTo(403);
		HttpResponse<String> ok = put("/api/recipients/" + tenant + "/preferences",
				"{\"channels\":[\"whatsapp\"],\"language\":\"hi\"}", OperatorAuth.MONEY);
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(ok.body()).path("channels").asString()).isEqualTo("whatsapp");
		assertThat(put("/api/recipients/" + UUID.randomUUID() + "/preferences", "{\"language\":\"hi\"}",
				OperatorAuth.MONEY)
			.statusCode()).isEqualTo(404);
		publish(new DeviceCommandCompleted(UUID.randomUUID(), Instant.now(), premise, UUID.randomUUID(),
				DeviceCommand.RELAY_ON, "dev-1", true, 5000L, 1));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<JsonNode> notices = notices(premise);
			assertThat(notices).hasSize(1);
			assertThat(notices.get(0).path("channel").asString()).isEqualTo("whatsapp");
			assertThat(notices.get(0).path("language").asString()).isEqualTo("hi");
		});
		assertThat(get("/api/notices?status=bogus", OperatorAuth.VIEWER).path("detail").asString())
			.contains("status is one of");
	}

	private UUID moveIn(String premise, String name, String phone, String email, String language) {
		UUID tenant = UUID.randomUUID();
		publish(new TenantMovedIn(UUID.randomUUID(), Instant.now(), premise, tenant, name, phone, email, language));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> get("/api/recipients?premiseId=" + premise, OperatorAuth.VIEWER).size() == 1);
		return tenant;
	}

	private void publish(DomainEvent event) {
		EventCodec.Encoded encoded = this.codec.encode(event);
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.of(event).topic(), event.premiseId(),
				encoded.payload());
		record.headers().add(Headers.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add(Headers.EVENT_TYPE, encoded.type().token().getBytes(StandardCharsets.UTF_8));
		record.headers()
			.add(Headers.EVENT_VERSION, Integer.toString(encoded.type().version()).getBytes(StandardCharsets.UTF_8));
		try {
			this.kafka.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<JsonNode> notices(String premise) {
		return StreamSupport.stream(get("/api/notices?premiseId=" + premise, OperatorAuth.VIEWER).spliterator(), false)
			.toList();
	}

	private static List<MimeMessage> mailsTo(String address) throws MessagingException {
		return Arrays.stream(SMTP.getReceivedMessages()).filter((mail) -> {
			try {
				return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
					.anyMatch((to) -> to.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static List<String> subjects(String address) throws MessagingException {
		return mailsTo(address).stream().map((mail) -> {
			try {
				return mail.getSubject();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String scrape() {
		return ServiceSmokeChecks.get(this.port, "/actuator/prometheus").body();
	}

	private JsonNode get(String path, String auth) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(uri(path)).header("Authorization", auth).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> post(String path, String body, String auth) throws IOException, InterruptedException {
		return send("POST", path, body, auth);
	}

	private HttpResponse<String> put(String path, String body, String auth) throws IOException, InterruptedException {
		return send("PUT", path, body, auth);
	}

	private HttpResponse<String> send(String method, String path, String body, String auth)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body));
		if (auth != null) {
			request.header("Authorization", auth);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String premise() {
		return "IT-Notify.Floor-1." + UUID.randomUUID();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail startSmtp() {
		GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		return smtp;
	}

	private static OperatorInbox startInbox() {
		try {
			return new OperatorInbox();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
