package eco.qubeprepaid.systemtests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * The operators' webhook receiver of the system under test, on 127.0.0.1: every notice
 * notifier-service sends to the operators, with its signature and notice id.
 */
public final class OperatorWebhookTap implements AutoCloseable {

	/** The secret notifier-service signs the operators' webhooks with here. */
	public static final String SECRET = "system-tests-operator-webhook-secret";

	private final HttpServer server;

	private final List<Hook> received = new CopyOnWriteArrayList<>();

	OperatorWebhookTap() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/operators", (exchange) -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			this.received.add(new Hook(exchange.getRequestHeaders().getFirst("X-QP-Notice-Id"),
					exchange.getRequestHeaders().getFirst("X-QP-Signature"), new String(body, StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.server.start();
	}

	/**
	 * @return the webhook's URL
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/operators";
	}

	/**
	 * @return every delivery so far, in order
	 */
	public List<Hook> received() {
		return List.copyOf(this.received);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One delivery.
	 *
	 * @param noticeId the {@code X-QP-Notice-Id} header
	 * @param signature the {@code X-QP-Signature} header
	 * @param body the JSON body
	 */
	public record Hook(String noticeId, String signature, String body) {
	}

}
