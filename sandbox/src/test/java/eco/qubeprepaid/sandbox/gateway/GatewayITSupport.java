package eco.qubeprepaid.sandbox.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import eco.qubeprepaid.sandbox.support.SandboxITSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

/**
 * Base of the gateway's integration tests: the shared sandbox context, a fresh webhook
 * receiver per test, and the gateway reset and pointed at that receiver before each test.
 */
public abstract class GatewayITSupport extends SandboxITSupport {

	private static final AtomicInteger RECEIPTS = new AtomicInteger();

	@Value("${local.server.port}")
	private int gatewayPort;

	protected GatewayHttp gateway;

	protected WebhookReceiver receiver;

	@BeforeEach
	void startGateway() {
		this.gateway = new GatewayHttp(this.gatewayPort);
		this.receiver = WebhookReceiver.start();
		this.gateway.admin("POST", "/reset", null);
		this.gateway.admin("PUT", "/config", "{\"webhook_url\":\"" + this.receiver.url() + "\"}");
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	/** A receipt no other test uses. */
	protected static String receipt() {
		return "tu_" + RECEIPTS.incrementAndGet() + "_" + System.nanoTime() % 100_000;
	}

	/** An order of the amount with a fresh receipt. */
	protected JsonNode order(long amount) {
		return this.gateway.createOrder(amount, receipt());
	}

	/** The ground truth's events of one payment. */
	protected List<JsonNode> truthEvents(String paymentId) {
		List<JsonNode> events = new ArrayList<>();
		this.gateway.admin("GET", "/truth", null).get("events").forEach((e) -> {
			if (paymentId.equals(e.get("payment_id").asString())) {
				events.add(e);
			}
		});
		return events;
	}

}
