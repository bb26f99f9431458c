package eco.qubeprepaid.sandbox.support;

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
import tools.jackson.databind.JsonNode;

/**
 * A real receiver of the simulators' signed deliveries (the gateway's webhooks, the
 * messaging provider's receipts): a JDK HTTP server on 127.0.0.1 and a free port that
 * records every request (raw body, signature and id headers) and answers the status its
 * responder chooses (200 unless told otherwise).
 */
public class SignedRequestReceiver implements AutoCloseable {

	private final HttpServer server;

	private final String path;

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private volatile ToIntFunction<Received> responder = (request) -> 200;

	/**
	 * Starts a receiver on 127.0.0.1 and a free port.
	 * @param path the path it answers under
	 * @param signatureHeader the header carrying the signature
	 * @param idHeader the header carrying the delivery's id, or null
	 */
	protected SignedRequestReceiver(String path, String signatureHeader, String idHeader) {
		this.path = path;
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext(path, (exchange) -> handle(exchange, signatureHeader, idHeader));
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/** The URL to configure at the simulator. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + this.path;
	}

	/** Chooses the status of every later request from what it received. */
	public void respondWith(ToIntFunction<Received> responder) {
		this.responder = responder;
	}

	/** Everything received so far, in arrival order. */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	private void handle(HttpExchange exchange, String signatureHeader, String idHeader) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Content-Type"),
					exchange.getRequestHeaders().getFirst(signatureHeader),
					(idHeader != null) ? exchange.getRequestHeaders().getFirst(idHeader) : null, body, Instant.now());
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

	/** Lowercase hex HMAC-SHA256, computed here independently of the simulators. */
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
	 * One received delivery.
	 *
	 * @param method HTTP method
	 * @param path request path
	 * @param contentType Content-Type header
	 * @param signature the signature header
	 * @param eventId the id header (the gateway's event id), or null
	 * @param body raw body bytes
	 * @param at when it arrived
	 */
	public record Received(String method, String path, String contentType, String signature, String eventId,
			byte[] body, Instant at) {

		/** The body as JSON. */
		public JsonNode json() {
			return SandboxHttp.JSON.readTree(new String(this.body, StandardCharsets.UTF_8));
		}

		/** The event type in a gateway webhook's body. */
		public String event() {
			return json().get("event").asString();
		}

		/** The payment entity in a gateway webhook's payload. */
		public JsonNode payment() {
			return json().get("payload").get("payment").get("entity");
		}

		/** Whether the signature is the HMAC of the raw body with the secret. */
		public boolean signedWith(String secret) {
			return hmacHex(secret, this.body).equals(this.signature);
		}

	}

}
