package eco.qubeprepaid.notifier.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * An operator's webhook receiver on 127.0.0.1 for tests: every POST it gets, with its
 * headers and raw body.
 */
public final class OperatorInbox implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	/**
	 * Starts it on a free port.
	 * @throws IOException if it cannot bind
	 */
	public OperatorInbox() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hooks/qube-prepaid", (exchange) -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			this.received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.server.start();
	}

	/**
	 * @return the webhook's URL
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/qube-prepaid";
	}

	/**
	 * @return what arrived, in order
	 */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One delivery.
	 *
	 * @param headers its headers (names as the JDK's server normalizes them)
	 * @param body its raw body
	 */
	public record Received(Map<String, List<String>> headers, byte[] body) {

		/**
		 * @param name a header name, any case
		 * @return its first value, or null
		 */
		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/**
		 * @return the body as UTF-8 text
		 */
		public String text() {
			return new String(this.body, java.nio.charset.StandardCharsets.UTF_8);
		}

	}

}
