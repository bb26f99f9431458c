package eco.qubeprepaid.sandbox.contract;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import eco.qubeprepaid.qube.client.QubeApiException;
import eco.qubeprepaid.qube.client.QubeClient;
import eco.qubeprepaid.qube.client.QubeClientConfig;
import eco.qubeprepaid.qube.client.QubeErrorCode;
import eco.qubeprepaid.qube.client.Sleeper;
import eco.qubeprepaid.qube.client.budget.RateBudgetRegistry;
import eco.qubeprepaid.qube.client.budget.RetryPolicy;
import eco.qubeprepaid.qube.client.budget.SystemBudgetTimer;
import eco.qubeprepaid.sandbox.support.SandboxHttp;
import eco.qubeprepaid.sandbox.support.SandboxITSupport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the client-to-sandbox contract tests: the shared
 * {@code @SandboxIntegrationTest} context (through {@link SandboxITSupport}), real
 * {@link QubeClient}s pointed at the sandbox's random port, and the admin-API helpers
 * that shape the world. Every test works on its own fleet under a fresh key, so no test
 * disturbs another or the quick-start fixture.
 */
abstract class QubeClientContractSupport extends SandboxITSupport {

	/**
	 * The client's own budget per key. It is deliberately far above every limit the
	 * sandbox enforces in these tests, so that the sandbox, not the client, decides when
	 * a burst is too much.
	 */
	static final int CLIENT_BUDGET = 1000;

	/** Read attempts in all (one send plus two retries) before a 5xx is surfaced. */
	static final int READ_ATTEMPTS = 3;

	/** The retry backoff ceiling; the recording sleeper never really waits. */
	static final Duration BACKOFF_CAP = Duration.ofMillis(50);

	/** The detail Qube documents for a bad or missing key (REFERENCE 5.2). */
	static final String AUTHENTICATION_DETAIL = "Invalid Authorization header. Bearer authorization is required.";

	/** The seed's quick-start fixture; contract tests only ever read it. */
	static final String QUICKSTART_KEY = "quickstart-key";

	static final String QUICKSTART_DEVICE = "QUBE-ONE-5EED00000101";

	static final long QUICKSTART_SPACE = 123;

	@LocalServerPort
	private int port;

	/**
	 * The client metrics of this test (JUnit makes a new instance, so a new registry, per
	 * test).
	 */
	protected final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	/** A client that sends requests unchanged and gives up at the first 429. */
	protected QubeClient client(String key) {
		return client(key, RecordingHttpClient.faithful(), new RecordingSleeper(), 0);
	}

	/** A client that sends requests unchanged through the given transport. */
	protected QubeClient client(String key, RecordingHttpClient transport) {
		return client(key, transport, new RecordingSleeper(), 0);
	}

	/**
	 * A real client over HTTP. Each client gets its own budget registry so that budgets
	 * (and a pause after a 429) never leak between tests that happen to reuse a key.
	 * @param key the API key to send
	 * @param transport the recording HTTP transport
	 * @param sleeper what the client calls instead of waiting between retries
	 * @param rateLimitRetries how many 429s one call may meet and still be sent again
	 * @return the client
	 */
	protected QubeClient client(String key, RecordingHttpClient transport, Sleeper sleeper, int rateLimitRetries) {
		QubeClientConfig config = QubeClientConfig.builder(key)
			.baseUrl("http://127.0.0.1:" + this.port)
			.keyName("contract")
			.budget(CLIENT_BUDGET, Duration.ofSeconds(60))
			.timeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
			.retry(new RetryPolicy(Duration.ofMillis(10), BACKOFF_CAP, READ_ATTEMPTS))
			.rateLimitRetries(rateLimitRetries)
			.verification(3, Duration.ofMillis(200))
			.build();
		return QubeClient.builder(config)
			.httpClient(transport)
			.sleeper(sleeper)
			.meterRegistry(this.meters)
			.budgetRegistry(new RateBudgetRegistry(SystemBudgetTimer.system()))
			.build();
	}

	/**
	 * Runs a call that must fail with a Qube error envelope, and checks the typed code,
	 * the raw code and the HTTP status the client reports.
	 * @return the exception, for further checks
	 */
	static QubeApiException expectError(QubeErrorCode code, int httpStatus, ThrowingCallable call) {
		Throwable thrown = null;
		try {
			call.call();
		}
		catch (Throwable ex) {
			thrown = ex;
		}
		assertThat(thrown).as("expected %s (HTTP %d)", code.wireValue(), httpStatus)
			.isInstanceOf(QubeApiException.class);
		QubeApiException error = (QubeApiException) thrown;
		assertThat(error.code()).as(error.getMessage()).isEqualTo(code);
		assertThat(error.rawCode()).isEqualTo(code.wireValue());
		assertThat(error.httpStatus()).as(error.getMessage()).isEqualTo(httpStatus);
		assertThat(error.detail()).isNotBlank();
		return error;
	}

	/**
	 * The first device of a fleet whose admin state matches, so tests pick meters by what
	 * they are (PREPAID with relay, no relay) rather than by position.
	 */
	protected String device(SandboxHttp.Fleet fleet, Predicate<JsonNode> state, String what) {
		return fleet.deviceIds()
			.stream()
			.filter((id) -> state.test(this.http.state(id)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the seeded fleet has no " + what + " meter"));
	}

	/** A PREPAID meter with a relay, the common case. */
	protected String prepaidDevice(SandboxHttp.Fleet fleet) {
		return device(fleet,
				(state) -> state.get("has_relay").asBoolean() && state.get("mode").asString().equals("PREPAID"),
				"PREPAID-with-relay");
	}

	/** The space the admin API put a device in. */
	protected static long spaceOf(SandboxHttp.Fleet fleet, String deviceId) {
		for (JsonNode device : fleet.devices()) {
			if (device.get("device_id").asString().equals(deviceId)) {
				return device.get("space_id").asLong();
			}
		}
		throw new AssertionError(deviceId + " is not in the fleet");
	}

	/** Connects or disconnects a meter through the admin API. */
	protected void setOnline(String deviceId, boolean online) {
		this.http.admin("POST", "/devices/" + deviceId + "/online", "{\"online\":" + online + "}");
	}

	/** Sets the sandbox's injected faults (global; tests restore {@code {}}). */
	protected void setFaults(String json) {
		this.http.admin("PUT", "/faults", json);
	}

	/** Sets the sandbox's rate limit of one key. */
	protected void limitKey(String key, int requests, int windowSeconds) {
		this.http.admin("PUT", "/rate-limit",
				"{\"requests\":" + requests + ",\"window_seconds\":" + windowSeconds + ",\"api_key\":\"" + key + "\"}");
	}

	/** The simulated calendar day in IST (the admin clock answers in +05:30). */
	protected LocalDate simDate() {
		return LocalDate.parse(this.http.admin("GET", "/clock", null).get("sim_time").asString().substring(0, 10));
	}

	/** A client counter by name and tags, 0 if never incremented. */
	protected double counter(String name, String... tags) {
		Counter counter = this.meters.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * A {@link Sleeper} that never waits: it records each pause the client asks for and
	 * runs a scripted action on the n-th pause (for example switching injected faults
	 * off), so retry paths are deterministic and need no real sleeping in tests.
	 */
	static final class RecordingSleeper implements Sleeper {

		private final List<Duration> pauses = new CopyOnWriteArrayList<>();

		private final int actOnPause;

		private final Runnable action;

		RecordingSleeper() {
			this(0, () -> {
			});
		}

		RecordingSleeper(int actOnPause, Runnable action) {
			this.actOnPause = actOnPause;
			this.action = action;
		}

		@Override
		public void sleep(Duration duration) {
			this.pauses.add(duration);
			if (this.pauses.size() == this.actOnPause) {
				this.action.run();
			}
		}

		List<Duration> pauses() {
			return List.copyOf(this.pauses);
		}

	}

}
