package eco.qubeprepaid.qube.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import eco.qubeprepaid.qube.client.budget.Priority;
import eco.qubeprepaid.qube.client.budget.RateBudget;
import eco.qubeprepaid.qube.client.budget.RateBudgetRegistry;
import eco.qubeprepaid.qube.client.model.DeviceDetails;
import eco.qubeprepaid.qube.client.model.DeviceMetrics;
import eco.qubeprepaid.qube.client.model.History;
import eco.qubeprepaid.qube.client.model.HistoryInterval;
import eco.qubeprepaid.qube.client.model.MetadataUpdate;
import eco.qubeprepaid.qube.client.model.Mode;
import eco.qubeprepaid.qube.client.model.Space;
import eco.qubeprepaid.qube.client.model.Tariff;
import eco.qubeprepaid.qube.client.model.VerifiedWrite;
import eco.qubeprepaid.qube.client.model.WriteAck;
import eco.qubeprepaid.qube.client.model.WriteOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The Qube API over {@link HttpClient}.
 *
 * <p>
 * Every HTTP attempt, retries and read-backs included, first takes a slot of the key's
 * shared {@link RateBudget}. Reads are retried on 5xx, timeouts and connection errors
 * with exponential backoff and full jitter; 4xx errors are never retried. A 429 pauses
 * the whole budget for {@code Retry-After} and the call is sent again, since a rejected
 * request was not processed. Writes are never re-sent blindly: after an ambiguous failure
 * (5xx or no response) the state is read back through E5 and the write is sent again only
 * if the desired state was not reached.
 */
public final class QubeClient implements QubeApi {

	private static final Logger log = LoggerFactory.getLogger(QubeClient.class);

	private final QubeClientConfig config;

	private final HttpClient http;

	private final RateBudget budget;

	private final MeterRegistry meters;

	private final Sleeper sleeper;

	private final RandomGenerator random;

	private final Priority priorityOverride;

	private QubeClient(Builder builder, Priority priorityOverride) {
		this.config = builder.config;
		this.http = (builder.httpClient != null) ? builder.httpClient
				: HttpClient.newBuilder()
					.connectTimeout(this.config.connectTimeout())
					.version(HttpClient.Version.HTTP_1_1)
					.build();
		this.budget = (builder.budget != null) ? builder.budget : builder.budgetRegistry.budgetFor(this.config.apiKey(),
				this.config.keyName(), this.config.budget(), builder.meterRegistry);
		this.meters = builder.meterRegistry;
		this.sleeper = builder.sleeper;
		this.random = builder.random;
		this.priorityOverride = priorityOverride;
	}

	private QubeClient(QubeClient source, Priority priorityOverride) {
		this.config = source.config;
		this.http = source.http;
		this.budget = source.budget;
		this.meters = source.meters;
		this.sleeper = source.sleeper;
		this.random = source.random;
		this.priorityOverride = priorityOverride;
	}

	/**
	 * Creates a client that uses the process-wide budget of its key and publishes no
	 * metrics.
	 * @param config the configuration
	 * @return the client
	 */
	public static QubeClient create(QubeClientConfig config) {
		return builder(config).build();
	}

	/**
	 * Starts a builder for the less common wiring (metrics, an explicit budget, test
	 * doubles).
	 * @param config the configuration
	 * @return the builder
	 */
	public static Builder builder(QubeClientConfig config) {
		return new Builder(config);
	}

	/**
	 * Returns the budget this client draws on.
	 * @return the key's budget
	 */
	public RateBudget budget() {
		return this.budget;
	}

	@Override
	public QubeApi withPriority(Priority priority) {
		return new QubeClient(this, Objects.requireNonNull(priority, "priority"));
	}

	@Override
	public List<Space> spaces() {
		Envelope envelope = execute(call(QubeOperation.LIST_SPACES, "all spaces", QubePaths.spaces(), null));
		return parse(QubeOperation.LIST_SPACES, "all spaces", envelope, QubeJson::spaces);
	}

	@Override
	public Space space(long spaceId) {
		String target = "space " + spaceId;
		Envelope envelope = execute(call(QubeOperation.GET_SPACE, target, QubePaths.space(spaceId), null));
		return parse(QubeOperation.GET_SPACE, target, envelope, QubeJson::space);
	}

	@Override
	public WriteAck updateSpace(long spaceId, MetadataUpdate update) {
		Call call = call(QubeOperation.UPDATE_SPACE, "space " + spaceId, QubePaths.space(spaceId), update.fields());
		return QubeJson.writeAck(execute(call));
	}

	@Override
	public DeviceDetails device(String deviceId) {
		String target = "device " + deviceId;
		Envelope envelope = execute(call(QubeOperation.GET_DEVICE, target, QubePaths.device(deviceId), null));
		return parse(QubeOperation.GET_DEVICE, target, envelope, QubeJson::deviceDetails);
	}

	@Override
	public DeviceMetrics metrics(String deviceId) {
		return readMetrics(deviceId, priorityFor(QubeOperation.GET_METRICS));
	}

	@Override
	public History history(String deviceId, String propertyId, LocalDate from, LocalDate to, HistoryInterval interval) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("to_date " + to + " is before from_date " + from);
		}
		String target = "device " + deviceId;
		String path = QubePaths.history(deviceId, propertyId, from, to, interval);
		Envelope envelope = execute(call(QubeOperation.GET_HISTORY, target, path, null));
		return parse(QubeOperation.GET_HISTORY, target, envelope, QubeJson::history);
	}

	@Override
	public WriteAck updateDevice(String deviceId, MetadataUpdate update) {
		Call call = call(QubeOperation.UPDATE_DEVICE, "device " + deviceId, QubePaths.device(deviceId),
				update.fields());
		return QubeJson.writeAck(execute(call));
	}

	@Override
	public VerifiedWrite<Boolean> setRelay(String deviceId, boolean on) {
		Call call = call(QubeOperation.SET_RELAY, "device " + deviceId, QubePaths.relay(deviceId),
				QubePaths.relayBody(on));
		return controlWrite(call, deviceId, on, DeviceMetrics::relayState);
	}

	@Override
	public VerifiedWrite<Mode> setMode(String deviceId, Mode mode) {
		Call call = call(QubeOperation.SET_MODE, "device " + deviceId, QubePaths.mode(deviceId),
				QubePaths.modeBody(mode));
		return controlWrite(call, deviceId, mode, DeviceMetrics::mode);
	}

	@Override
	public VerifiedWrite<Long> setBalance(String deviceId, long paise) {
		Call call = call(QubeOperation.SET_BALANCE, "device " + deviceId, QubePaths.balance(deviceId),
				QubePaths.balanceBody(paise));
		return controlWrite(call, deviceId, paise, DeviceMetrics::balance);
	}

	@Override
	public VerifiedWrite<Tariff> setTariff(String deviceId, Tariff tariff) {
		if (tariff.ebTariff() == null && tariff.dgTariff() == null) {
			throw new IllegalArgumentException("A tariff write needs eb_tariff, dg_tariff or both");
		}
		Call call = call(QubeOperation.SET_TARIFF, "device " + deviceId, QubePaths.tariff(deviceId),
				QubePaths.tariffBody(tariff));
		return controlWrite(call, deviceId, tariff, (metrics) -> metrics.tariff().restrictedTo(tariff));
	}

	@Override
	public WriteAck setWifi(String deviceId, String ssid, String password) {
		Call call = call(QubeOperation.SET_WIFI, "device " + deviceId, QubePaths.wifi(deviceId),
				QubePaths.wifiBody(ssid, password));
		return QubeJson.writeAck(execute(call));
	}

	private DeviceMetrics readMetrics(String deviceId, Priority priority) {
		String target = "device " + deviceId;
		Call call = new Call(QubeOperation.GET_METRICS, target, QubePaths.metrics(deviceId), null, priority);
		return parse(QubeOperation.GET_METRICS, target, execute(call), QubeJson::deviceMetrics);
	}

	/**
	 * Sends a control write, re-sending only when a read-back after an ambiguous failure
	 * shows the desired state was not reached, then verifies the state by reading it
	 * back.
	 */
	private <T> VerifiedWrite<T> controlWrite(Call call, String deviceId, T desired,
			Function<DeviceMetrics, T> observe) {
		int sends = 0;
		int rateLimited = 0;
		int ambiguousFailures = 0;
		while (true) {
			sends++;
			try {
				attempt(call);
				break;
			}
			catch (AttemptFailure failure) {
				if (failure.kind == FailureKind.RATE_LIMITED) {
					// A 429 was not processed, so this send does not count and may be
					// repeated.
					sends--;
					if (rateLimited++ < this.config.rateLimitRetries()) {
						continue;
					}
					throw failure.exception;
				}
				if (failure.kind != FailureKind.AMBIGUOUS) {
					throw failure.exception;
				}
				DeviceMetrics metrics;
				try {
					metrics = readMetrics(deviceId, call.priority());
				}
				catch (QubeClientException readFailure) {
					// Without the state we cannot know whether a repeat would be safe.
					failure.exception.addSuppressed(readFailure);
					throw failure.exception;
				}
				T observed = observe.apply(metrics);
				if (desired.equals(observed)) {
					log.info("{} for device {} failed ambiguously ({}) but the state was reached; not re-sending",
							call.operation().label(), deviceId, failure.exception.getMessage());
					return new VerifiedWrite<>(call.operation().label(), deviceId, desired, observed,
							WriteOutcome.VERIFIED, sends, metrics, null);
				}
				if (++ambiguousFailures >= this.config.retry().maxAttempts()) {
					throw failure.exception;
				}
				log.warn("{} for device {} failed ({}) and the device reports {} instead of {}; re-sending",
						call.operation().label(), deviceId, failure.exception.getMessage(), observed, desired);
				pause(call, this.config.retry().backoff(ambiguousFailures, random()));
			}
		}
		return verify(call, deviceId, desired, observe, sends);
	}

	private <T> VerifiedWrite<T> verify(Call call, String deviceId, T desired, Function<DeviceMetrics, T> observe,
			int sends) {
		String label = call.operation().label();
		for (int read = 1;; read++) {
			DeviceMetrics metrics;
			try {
				metrics = readMetrics(deviceId, call.priority());
			}
			catch (QubeClientException ex) {
				return new VerifiedWrite<>(label, deviceId, desired, null, WriteOutcome.UNVERIFIED, sends, null,
						"the write was accepted but reading it back failed: " + ex.getMessage());
			}
			T observed = observe.apply(metrics);
			if (desired.equals(observed)) {
				return new VerifiedWrite<>(label, deviceId, desired, observed, WriteOutcome.VERIFIED, sends, metrics,
						null);
			}
			if (read >= this.config.verifyReads()) {
				return new VerifiedWrite<>(label, deviceId, desired, observed, WriteOutcome.MISMATCH, sends, metrics,
						"after " + read + " read-backs the device reports " + observed + " instead of " + desired);
			}
			pause(call, this.config.verifyInterval());
		}
	}

	/**
	 * Runs a read or a write that is not verified: reads are retried on retryable
	 * failures, writes only after a 429 (which the server did not process).
	 */
	private Envelope execute(Call call) {
		int retries = 0;
		int rateLimited = 0;
		while (true) {
			try {
				return attempt(call);
			}
			catch (AttemptFailure failure) {
				if (failure.kind == FailureKind.RATE_LIMITED && rateLimited++ < this.config.rateLimitRetries()) {
					continue;
				}
				boolean retry = failure.kind == FailureKind.AMBIGUOUS && call.operation().isRead()
						&& ++retries < this.config.retry().maxAttempts();
				if (!retry) {
					throw failure.exception;
				}
				log.warn("{} for {} failed, retry {}: {}", call.operation().label(), call.target(), retries,
						failure.exception.getMessage());
				pause(call, this.config.retry().backoff(retries, random()));
			}
		}
	}

	/**
	 * One HTTP exchange inside one budget slot.
	 */
	private Envelope attempt(Call call) throws AttemptFailure {
		RateBudget.Permit permit;
		try {
			permit = this.budget.acquire(call.priority());
		}
		catch (InterruptedException ex) {
			throw interrupted(call, ex);
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request(call), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			count(call, "timeout");
			throw new AttemptFailure(FailureKind.AMBIGUOUS,
					new QubeTransportException(call.operation().label(), call.target(), true, ex));
		}
		catch (IOException ex) {
			count(call, "connection_error");
			throw new AttemptFailure(FailureKind.AMBIGUOUS,
					new QubeTransportException(call.operation().label(), call.target(), false, ex));
		}
		catch (InterruptedException ex) {
			throw interrupted(call, ex);
		}
		finally {
			// Whatever happened, the request may have reached the server, so the slot is
			// held a
			// full window from now.
			permit.release();
		}
		return interpret(call, response);
	}

	private Envelope interpret(Call call, HttpResponse<String> response) throws AttemptFailure {
		int status = response.statusCode();
		String label = call.operation().label();
		Envelope envelope = null;
		IllegalArgumentException unparsed = null;
		try {
			envelope = QubeJson.parseEnvelope(response.body());
		}
		catch (IllegalArgumentException ex) {
			unparsed = ex;
		}
		// Branch on error.code; the bare 429 status only decides when the body is not an
		// envelope (e.g. a proxy in front of the API answered).
		boolean rateLimited = (envelope != null && envelope.isError())
				? QubeErrorCode.RATE_LIMIT_EXCEEDED.wireValue().equals(envelope.errorCode()) : status == 429;
		if (rateLimited) {
			Duration retryAfter = retryAfter(response);
			this.budget.pauseFor(retryAfter);
			count(call, "rate_limited");
			log.warn("{} for {} was rate limited; pausing key '{}' for {}", label, call.target(), this.config.keyName(),
					retryAfter);
			String detail = (envelope != null && envelope.errorDetail() != null) ? envelope.errorDetail() : "";
			throw new AttemptFailure(FailureKind.RATE_LIMITED,
					new QubeApiException(label, call.target(), QubeErrorCode.RATE_LIMIT_EXCEEDED.wireValue(), status,
							(detail + " (Retry-After " + retryAfter.toSeconds() + " s)").strip()));
		}
		if (envelope == null) {
			count(call, "protocol_error");
			throw new AttemptFailure((status >= 500) ? FailureKind.AMBIGUOUS : FailureKind.FINAL,
					new QubeProtocolException(label, call.target(), status, unparsed.getMessage(), unparsed));
		}
		if (status >= 200 && status < 300 && !envelope.isError()) {
			count(call, "success");
			return envelope;
		}
		QubeApiException error = new QubeApiException(label, call.target(), envelope.errorCode(), status,
				envelope.errorDetail());
		if (status >= 500) {
			count(call, "server_error");
			throw new AttemptFailure(FailureKind.AMBIGUOUS, error);
		}
		count(call, "api_error");
		throw new AttemptFailure(FailureKind.FINAL, error);
	}

	private HttpRequest request(Call call) {
		String base = this.config.baseUrl().toString();
		if (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + call.path()))
			.timeout(this.config.requestTimeout())
			.header(QubePaths.API_KEY_HEADER, this.config.apiKey())
			.header("Accept", "application/json");
		if (call.body() == null) {
			return builder.GET().build();
		}
		return builder.header("Content-Type", "application/json")
			.method(call.operation().method(), HttpRequest.BodyPublishers.ofString(call.body()))
			.build();
	}

	/**
	 * Reads {@code Retry-After} as seconds or as an HTTP date; without a usable value the
	 * documented default applies.
	 */
	private Duration retryAfter(HttpResponse<?> response) {
		String value = response.headers().firstValue("Retry-After").orElse(null);
		if (value == null || value.isBlank()) {
			return QubePaths.DEFAULT_RETRY_AFTER;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException notSeconds) {
			try {
				ZonedDateTime until = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration wait = Duration.between(this.budget.timer().now(), until.toInstant());
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return QubePaths.DEFAULT_RETRY_AFTER;
			}
		}
	}

	private <T> T parse(QubeOperation operation, String target, Envelope envelope, Function<JsonNode, T> mapper) {
		try {
			return mapper.apply(envelope.data());
		}
		catch (RuntimeException ex) {
			throw new QubeProtocolException(operation.label(), target, 200, "unexpected payload: " + ex.getMessage(),
					ex);
		}
	}

	private void pause(Call call, Duration duration) {
		try {
			this.sleeper.sleep(duration);
		}
		catch (InterruptedException ex) {
			throw interrupted(call, ex).exception;
		}
	}

	private AttemptFailure interrupted(Call call, InterruptedException ex) {
		Thread.currentThread().interrupt();
		return new AttemptFailure(FailureKind.FINAL,
				new QubeTransportException(call.operation().label(), call.target(), false, ex));
	}

	private void count(Call call, String outcome) {
		if (this.meters != null) {
			Counter.builder("qube.api.requests")
				.tag("key", this.config.keyName())
				.tag("operation", call.operation().tagValue())
				.tag("outcome", outcome)
				.description("HTTP attempts against the Qube API")
				.register(this.meters)
				.increment();
		}
	}

	private RandomGenerator random() {
		return (this.random != null) ? this.random : ThreadLocalRandom.current();
	}

	private Priority priorityFor(QubeOperation operation) {
		return (this.priorityOverride != null) ? this.priorityOverride : operation.defaultPriority();
	}

	private Call call(QubeOperation operation, String target, String path, Map<String, Object> body) {
		return new Call(operation, target, path, (body != null) ? QubeJson.write(body) : null, priorityFor(operation));
	}

	/**
	 * One logical request: what to send and under which budget priority.
	 */
	private record Call(QubeOperation operation, String target, String path, String body, Priority priority) {
	}

	/**
	 * How a failed attempt may be followed up.
	 */
	private enum FailureKind {

		/**
		 * Never retry: the server gave a definite answer (4xx) or the thread was
		 * interrupted.
		 */
		FINAL,

		/**
		 * The server rejected the request unprocessed and paused the budget; safe to
		 * repeat.
		 */
		RATE_LIMITED,

		/**
		 * 5xx or no response: a read may be repeated, a write may or may not have
		 * happened.
		 */
		AMBIGUOUS

	}

	/**
	 * A failed attempt, carrying the exception to throw if it is not retried.
	 */
	private static final class AttemptFailure extends Exception {

		private final FailureKind kind;

		private final QubeClientException exception;

		AttemptFailure(FailureKind kind, QubeClientException exception) {
			super(exception.getMessage(), null, false, false);
			this.kind = kind;
			this.exception = exception;
		}

	}

	/**
	 * Wires a {@link QubeClient}.
	 */
	public static final class Builder {

		private final QubeClientConfig config;

		private MeterRegistry meterRegistry;

		private RateBudgetRegistry budgetRegistry = RateBudgetRegistry.shared();

		private RateBudget budget;

		private HttpClient httpClient;

		private Sleeper sleeper = Sleeper.SYSTEM;

		private RandomGenerator random;

		private Builder(QubeClientConfig config) {
			this.config = Objects.requireNonNull(config, "config");
		}

		/**
		 * Publishes request and budget metrics to a registry.
		 * @param meterRegistry the registry
		 * @return this builder
		 */
		public Builder meterRegistry(MeterRegistry meterRegistry) {
			this.meterRegistry = meterRegistry;
			return this;
		}

		/**
		 * Takes the key's budget from another registry than the process-wide one.
		 * @param budgetRegistry the registry
		 * @return this builder
		 */
		public Builder budgetRegistry(RateBudgetRegistry budgetRegistry) {
			this.budgetRegistry = Objects.requireNonNull(budgetRegistry, "budgetRegistry");
			return this;
		}

		/**
		 * Uses this budget instead of looking one up; the configured budget settings are
		 * then ignored.
		 * @param budget the budget
		 * @return this builder
		 */
		public Builder budget(RateBudget budget) {
			this.budget = budget;
			return this;
		}

		/**
		 * Uses this HTTP client; its connect timeout then applies instead of the
		 * configured one.
		 * @param httpClient the client
		 * @return this builder
		 */
		public Builder httpClient(HttpClient httpClient) {
			this.httpClient = httpClient;
			return this;
		}

		/**
		 * Waits between retries with this sleeper.
		 * @param sleeper the sleeper
		 * @return this builder
		 */
		public Builder sleeper(Sleeper sleeper) {
			this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
			return this;
		}

		/**
		 * Draws backoff jitter from this generator instead of {@link ThreadLocalRandom}.
		 * @param random the generator
		 * @return this builder
		 */
		public Builder random(RandomGenerator random) {
			this.random = random;
			return this;
		}

		/**
		 * Creates the client.
		 * @return the client
		 */
		public QubeClient build() {
			return new QubeClient(this, null);
		}

	}

}
