package eco.qubeprepaid.sandbox.contract;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import eco.qubeprepaid.qube.client.QubePaths;

/**
 * The transport handed to the real {@code QubeClient} in contract tests: a JDK
 * {@link HttpClient} that really talks HTTP to the sandbox, records every exchange (so a
 * test can see retries, statuses and {@code Retry-After}) and can rewrite a request on
 * its way out. The rewrites reach the sandbox answers the client can never provoke by
 * itself (it always sends the key, the documented slash form and the documented method),
 * while the answer is still parsed by the client's own envelope and error handling.
 *
 * <p>
 * Times are taken from the same wall clock ({@link Clock#systemUTC()}) as the client's
 * {@code SystemBudgetTimer}, so a pause the client derives from {@code Retry-After} can
 * be compared with the recorded times exactly.
 */
final class RecordingHttpClient extends HttpClient {

	private static final Clock WALL = Clock.systemUTC();

	private final HttpClient delegate = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final UnaryOperator<HttpRequest> rewrite;

	private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

	private RecordingHttpClient(UnaryOperator<HttpRequest> rewrite) {
		this.rewrite = rewrite;
	}

	/** Sends every request as the client built it. */
	static RecordingHttpClient faithful() {
		return new RecordingHttpClient(UnaryOperator.identity());
	}

	/** Sends every request after the given rewrite. */
	static RecordingHttpClient rewriting(UnaryOperator<HttpRequest> rewrite) {
		return new RecordingHttpClient(rewrite);
	}

	/** Drops the {@code X-Qube-API-Key} header the client always sends. */
	static UnaryOperator<HttpRequest> withoutApiKey() {
		return (request) -> HttpRequest
			.newBuilder(request, (name, value) -> !name.equalsIgnoreCase(QubePaths.API_KEY_HEADER))
			.build();
	}

	/**
	 * Sends the other trailing-slash form of the documented path (REFERENCE G11), keeping
	 * the query.
	 */
	static UnaryOperator<HttpRequest> otherSlashForm() {
		return (request) -> {
			URI uri = request.uri();
			String path = uri.getRawPath();
			String other = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
			URI rewritten = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + other
					+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""));
			return HttpRequest.newBuilder(request, (name, value) -> true).uri(rewritten).build();
		};
	}

	/** Sends the documented path with another HTTP method and no body. */
	static UnaryOperator<HttpRequest> withMethod(String method) {
		return (request) -> HttpRequest.newBuilder(request, (name, value) -> true)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
	}

	/** Every exchange so far, in the order the responses arrived. */
	List<Exchange> exchanges() {
		return List.copyOf(this.exchanges);
	}

	/** The HTTP statuses of every exchange so far. */
	List<Integer> statuses() {
		return this.exchanges.stream().map(Exchange::status).toList();
	}

	@Override
	public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
			throws IOException, InterruptedException {
		HttpRequest actual = this.rewrite.apply(request);
		Instant sent = WALL.instant();
		HttpResponse<T> response = this.delegate.send(actual, handler);
		this.exchanges.add(Exchange.of(actual, response, sent, WALL.instant()));
		return response;
	}

	@Override
	public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		return sendAsync(request, handler, null);
	}

	@Override
	public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
			HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
		HttpRequest actual = this.rewrite.apply(request);
		Instant sent = WALL.instant();
		return this.delegate.sendAsync(actual, handler, pushPromiseHandler).thenApply((response) -> {
			this.exchanges.add(Exchange.of(actual, response, sent, WALL.instant()));
			return response;
		});
	}

	@Override
	public Optional<CookieHandler> cookieHandler() {
		return this.delegate.cookieHandler();
	}

	@Override
	public Optional<Duration> connectTimeout() {
		return this.delegate.connectTimeout();
	}

	@Override
	public Redirect followRedirects() {
		return this.delegate.followRedirects();
	}

	@Override
	public Optional<ProxySelector> proxy() {
		return this.delegate.proxy();
	}

	@Override
	public SSLContext sslContext() {
		return this.delegate.sslContext();
	}

	@Override
	public SSLParameters sslParameters() {
		return this.delegate.sslParameters();
	}

	@Override
	public Optional<Authenticator> authenticator() {
		return this.delegate.authenticator();
	}

	@Override
	public Version version() {
		return this.delegate.version();
	}

	@Override
	public Optional<Executor> executor() {
		return this.delegate.executor();
	}

	/**
	 * One request and its response as they crossed the wire.
	 *
	 * @param method the method sent
	 * @param path the raw path sent, without the query
	 * @param hadApiKey whether the key header was sent
	 * @param status the HTTP status received
	 * @param retryAfter the {@code Retry-After} header, {@code null} if absent
	 * @param sent when the request left (wall clock)
	 * @param received when the response arrived (wall clock)
	 */
	record Exchange(String method, String path, boolean hadApiKey, int status, String retryAfter, Instant sent,
			Instant received) {

		static Exchange of(HttpRequest request, HttpResponse<?> response, Instant sent, Instant received) {
			return new Exchange(request.method(), request.uri().getRawPath(),
					request.headers().firstValue(QubePaths.API_KEY_HEADER).isPresent(), response.statusCode(),
					response.headers().firstValue("Retry-After").orElse(null), sent, received);
		}

	}

}
