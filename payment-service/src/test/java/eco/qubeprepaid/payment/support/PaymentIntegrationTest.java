package eco.qubeprepaid.payment.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import eco.qubeprepaid.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of payment-service's integration tests: the service on a random port, on its own
 * fresh database on the real PostgreSQL and the real broker of {@link TestServers}, with
 * the real gateway simulator of {@link GatewaySandbox}. Every subclass shares one context
 * (same properties), so the tests count what is theirs (their own premises).
 * <p>
 * Reconciliation's and the refund worker's schedules are off (an hour); tests run a round
 * themselves. balance-service is not running (its URL points at a closed port). Webhooks
 * signed with the old secret are still accepted (a rotation in progress).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "qp.payment.reconciliation.interval=1h", "qp.payment.reconciliation.after=0s",
				"qp.payment.credit-watch-interval=1h", "qp.payment.credit-overdue-after=0s",
				// balance-service is not started here: nothing listens on port 1.
				"qp.payment.balance.base-url=http://127.0.0.1:1", "qp.payment.refunds.interval=1h",
				"qp.payment.gateway.webhook-secrets=" + GatewaySandbox.WEBHOOK_SECRET + ","
						+ PaymentIntegrationTest.OLD_SECRET })
public abstract class PaymentIntegrationTest {

	/** The development operator with the money role (application.yml). */
	public static final String MONEY_OPERATOR = basic("ops-money", "money-dev-password");

	/** The development read-only operator. */
	public static final String VIEWER_OPERATOR = basic("ops-viewer", "viewer-dev-password");

	/** The previous webhook secret, still accepted during the rotation. */
	public static final String OLD_SECRET = "previous-webhook-secret";

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	@Value("${local.server.port}")
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	protected final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		TestServers.register(registry, "payment");
		GatewaySandbox sandbox = GatewaySandbox.get();
		registry.add("qp.payment.gateway.base-url", sandbox::baseUrl);
		registry.add("qp.payment.gateway.checkout-url", () -> sandbox.baseUrl() + "/checkout/{order_id}");
	}

	/**
	 * @return the sandbox
	 */
	protected GatewaySandbox gateway() {
		return GatewaySandbox.get();
	}

	/**
	 * Starts a top-up through the API.
	 * @param premiseId the premise
	 * @param amountPaise the amount
	 * @return the top-up view
	 */
	protected JsonNode startTopUp(String premiseId, long amountPaise) {
		HttpResponse<String> response = post("/api/top-ups",
				"{\"premiseId\":\"" + premiseId + "\",\"amountPaise\":" + amountPaise + "}");
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Top-up refused: " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * Posts JSON to payment-service.
	 * @param path the path
	 * @param json the body
	 * @return the answer
	 */
	protected HttpResponse<String> post(String path, String json) {
		return post(path, json, MONEY_OPERATOR);
	}

	/**
	 * Posts JSON to payment-service as someone.
	 * @param path the path
	 * @param json the body
	 * @param authorization the Authorization header, or null for none
	 * @return the answer
	 */
	protected HttpResponse<String> post(String path, String json, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build());
	}

	/**
	 * Reads from payment-service as someone.
	 * @param path the path
	 * @param authorization the Authorization header, or null for none
	 * @return the answer
	 */
	protected HttpResponse<String> get(String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build());
	}

	/**
	 * @param user an account
	 * @param password its password
	 * @return the HTTP Basic header value
	 */
	protected static String basic(String user, String password) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Delivers a webhook to payment-service.
	 * @param body the raw body
	 * @param signature the signature header, or null for none
	 * @param eventId the event id header, or null for none
	 * @return the answer
	 */
	protected HttpResponse<String> webhook(byte[] body, String signature, String eventId) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/webhooks/gateway"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("X-Razorpay-Signature", signature);
		}
		if (eventId != null) {
			request.header("X-Razorpay-Event-Id", eventId);
		}
		return send(request.build());
	}

	/**
	 * Builds a {@code payment.*} webhook body around a payment entity, as the gateway
	 * does.
	 * @param event the event type
	 * @param payment the payment entity
	 * @return the raw body
	 */
	protected static byte[] eventBody(String event, JsonNode payment) {
		String json = "{\"entity\":\"event\",\"account_id\":\"acc_sandbox\",\"event\":\"" + event
				+ "\",\"contains\":[\"payment\"],\"payload\":{\"payment\":{\"entity\":" + payment + "}},\"created_at\":"
				+ (System.currentTimeMillis() / 1000) + "}";
		return json.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * @param premiseIdPrefix a prefix of premise ids
	 * @return their captured payments and their total, as payment-service recorded them
	 */
	protected long[] captured(String premiseIdPrefix) {
		return this.jdbc.queryForObject(
				"SELECT count(*), coalesce(sum(amount_paise), 0) FROM captured_payments WHERE premise_id LIKE ?",
				(row, index) -> new long[] { row.getLong(1), row.getLong(2) }, premiseIdPrefix + "%");
	}

	/**
	 * @param premiseIdPrefix a prefix of premise ids
	 * @return the TopUpCaptured events in the outbox for them
	 */
	protected long creditsInOutbox(String premiseIdPrefix) {
		Long count = this.jdbc.queryForObject(
				"SELECT count(*) FROM outbox WHERE event_type = 'top-up-captured' AND message_key LIKE ?", Long.class,
				premiseIdPrefix + "%");
		return (count != null) ? count : 0;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
