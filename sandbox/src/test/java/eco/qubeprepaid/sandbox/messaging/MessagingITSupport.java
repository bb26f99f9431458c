package eco.qubeprepaid.sandbox.messaging;

import java.util.concurrent.atomic.AtomicInteger;

import eco.qubeprepaid.sandbox.support.SandboxHttp;
import eco.qubeprepaid.sandbox.support.SandboxITSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the messaging provider's integration tests: the shared sandbox context, a fresh
 * receipt receiver per test, and the provider reset and pointed at that receiver before
 * each test.
 */
public abstract class MessagingITSupport extends SandboxITSupport {

	private static final AtomicInteger REFERENCES = new AtomicInteger();

	@Value("${local.server.port}")
	private int messagingPort;

	protected MessagingHttp messaging;

	protected ReceiptReceiver receiver;

	@BeforeEach
	void startMessaging() {
		this.messaging = new MessagingHttp(this.messagingPort);
		this.receiver = ReceiptReceiver.start();
		this.messaging.admin("POST", "/reset", null);
		this.messaging.admin("PUT", "/config", "{\"receiptUrl\":\"" + this.receiver.url() + "\"}");
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	/** A clientReference no other test uses. */
	protected static String reference() {
		return "notice-" + REFERENCES.incrementAndGet() + "-" + System.nanoTime() % 100_000;
	}

	/** Sends an SMS that must be accepted (202); returns the answer. */
	protected JsonNode accepted(String to, String text) {
		SandboxHttp.Response response = this.messaging.send("sms", to, text, reference());
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		return response.json();
	}

}
