package eco.qubeprepaid.qube.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 that answers from scripts and records every request.
 * Per method and raw path it plays scripted responses in order and then repeats the last
 * one; a custom responder can replace the scripts entirely.
 */
final class ScriptedQubeServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(32);

	private final Map<String, Deque<Response>> scripts = new ConcurrentHashMap<>();

	private final List<Request> requests = new ArrayList<>();

	private final CountDownLatch hang = new CountDownLatch(1);

	private volatile Function<Request, Response> responder = this::scripted;

	ScriptedQubeServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void script(String method, String rawPath, Response... responses) {
		this.scripts.put(method + " " + rawPath, new ArrayDeque<>(List.of(responses)));
	}

	void respondWith(Function<Request, Response> responder) {
		this.responder = responder;
	}

	List<Request> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	List<Request> requests(String method, String rawPath) {
		return requests().stream()
			.filter((request) -> request.method().equals(method) && request.rawPath().equals(rawPath))
			.toList();
	}

	private Response scripted(Request request) {
		Deque<Response> script = this.scripts.get(request.method() + " " + request.rawPath());
		if (script == null) {
			return Response.json(404,
					"{\"success\": false, \"error\": {\"code\": \"not_found\", \"detail\": \"no script\"}}");
		}
		synchronized (script) {
			return (script.size() > 1) ? script.pollFirst() : script.peekFirst();
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("X-Qube-API-Key"), body,
				System.nanoTime());
		synchronized (this.requests) {
			this.requests.add(request);
		}
		Response response = this.responder.apply(request);
		try {
			if (response.hangs()) {
				// Holds the response back until the test ends, so that the client times
				// out.
				awaitQuietly();
				return;
			}
			response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(response.status(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (IOException clientGone) {
			// The client gave up on this exchange; nothing to answer.
		}
		finally {
			exchange.close();
		}
	}

	private void awaitQuietly() {
		try {
			this.hang.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.hang.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * One recorded request.
	 */
	record Request(String method, String rawPath, String rawQuery, String apiKey, String body, long arrivalNanos) {

		String pathAndQuery() {
			return (this.rawQuery != null) ? this.rawPath + "?" + this.rawQuery : this.rawPath;
		}

	}

	/**
	 * One scripted response.
	 */
	record Response(int status, Map<String, String> headers, String body, boolean hangs) {

		static Response json(int status, String body) {
			return new Response(status, Map.of("Content-Type", "application/json"), body, false);
		}

		static Response ok(String dataJson) {
			return json(200, "{\"success\": true, \"data\": " + dataJson + "}");
		}

		static Response error(int status, String code, String detail) {
			return json(status, "{\"success\": false, \"error\": {\"code\": \"" + code + "\", \"detail\": \"" + detail
					+ "\"}, \"timestamp\": \"2025-01-01T12:00:00.000Z\"}");
		}

		static Response hang() {
			return new Response(200, Map.of(), "", true);
		}

		Response withHeader(String name, String value) {
			Map<String, String> merged = new java.util.HashMap<>(this.headers);
			merged.put(name, value);
			return new Response(this.status, merged, this.body, this.hangs);
		}

	}

}
