package eco.qubeprepaid.sandbox.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eco.qubeprepaid.sandbox.support.SandboxHttp;
import tools.jackson.databind.JsonNode;

/**
 * A real delivery-receipt receiver, as notifier-service will run one: a JDK HTTP server
 * on 127.0.0.1 and a free port that records every request (raw body and headers) and
 * answers the status its responder chooses (200 unless told otherwise).
 */
public final class ReceiptReceiver implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private volatile ToIntFunction<Received> responder = (request) -> 200;

	private ReceiptReceiver(HttpServer server) {
		this.server = server;
	}

	/** Starts a receiver on 127.0.0.1 and a free port. */
	public static ReceiptReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
			ReceiptReceiver receiver = new ReceiptReceiver(server);
			server.createContext("/receipts", receiver::handle);
			server.setExecutor(receiver.executor);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The URL to configure as receiptUrl. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/receipts/sms";
	}

	/** Chooses the status of every later request from what it received. */
	public void respondWith(ToIntFunction<Received> responder) {
		this.responder = responder;
	}

	/** Everything received so far, in arrival order. */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/** What was received for one message. */
	public List<Received> of(String messageId) {
		return this.received.stream().filter((r) -> messageId.equals(r.json().get("messageId").asString())).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Content-Type"),
					exchange.getRequestHeaders().getFirst("X-Provider-Signature"), body, Instant.now());
			int status = this.responder.applyAsInt(request);
			this.received.add(request);
			exchange.sendResponseHeaders(status, -1);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** Lowercase hex HMAC-SHA256, computed here independently of the simulator. */
	public static String hmacHex(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One received receipt.
	 *
	 * @param method HTTP method
	 * @param path request path
	 * @param contentType Content-Type header
	 * @param signature X-Provider-Signature header
	 * @param body raw body bytes
	 * @param at when it arrived
	 */
	public record Received(String method, String path, String contentType, String signature, byte[] body, Instant at) {

		/** The body as JSON. */
		public JsonNode json() {
			return SandboxHttp.JSON.readTree(new String(this.body, StandardCharsets.UTF_8));
		}

		/** Whether the signature is the HMAC of the raw body with the secret. */
		public boolean signedWith(String secret) {
			return hmacHex(secret, this.body).equals(this.signature);
		}

	}

}
