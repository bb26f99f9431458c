package eco.qubeprepaid.sandbox.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import eco.qubeprepaid.qube.client.QubeApiException;
import eco.qubeprepaid.qube.client.QubeClient;
import eco.qubeprepaid.qube.client.QubeErrorCode;
import eco.qubeprepaid.qube.client.model.VerifiedWrite;
import eco.qubeprepaid.qube.client.model.WriteOutcome;
import eco.qubeprepaid.sandbox.contract.RecordingHttpClient.Exchange;
import eco.qubeprepaid.sandbox.support.SandboxHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the real client copes with the sandbox's rate limit (429
 * {@code rate_limit_exceeded} with {@code Retry-After}) and injected server faults (500
 * {@code internal_error}). The client's budget is deliberately larger than the sandbox's
 * per-key limit, so it is the sandbox that refuses the burst. Retry backoffs go through a
 * recording sleeper that never waits; the wait after a 429 is the client's own budget
 * pause, measured on the wire.
 */
class QubeClientResilienceContractIT extends QubeClientContractSupport {

	private SandboxHttp.Fleet fleet;

	private String device;

	private RecordingHttpClient transport;

	@BeforeEach
	void fleet() {
		this.fleet = this.http.newFleet(51, 1, 1);
		this.device = this.fleet.deviceIds().get(0);
		this.transport = RecordingHttpClient.faithful();
	}

	/** Faults are global to the sandbox, so every test leaves them off. */
	@AfterEach
	void noFaults() {
		setFaults("{}");
	}

	@Test
	void burstBeyondTheSandboxLimitSurfacesATypedRateLimitErrorAndPausesTheKey() {
		limitKey(this.fleet.key(), 5, 60);
		QubeClient qube = client(this.fleet.key(), this.transport, new RecordingSleeper(), 0);
		assertThat(qube.budget().settings().limit()).isGreaterThan(5);
		for (int i = 0; i < 5; i++) {
			assertThat(qube.spaces()).hasSize(1);
		}
		QubeApiException limited = expectError(QubeErrorCode.RATE_LIMIT_EXCEEDED, 429, qube::spaces);
		assertThat(this.transport.statuses()).containsExactly(200, 200, 200, 200, 200, 429);
		long retryAfter = Long.parseLong(this.transport.exchanges().get(5).retryAfter());
		assertThat(retryAfter).isBetween(1L, 60L);
		// The server's own detail is kept; the client adds the pause it applied.
		assertThat(limited.detail()).isEqualTo("Request was throttled. (Retry-After " + retryAfter + " s)");
		// The client honours Retry-After by pausing the whole key, not just this call.
		assertThat(qube.budget().isPaused()).isTrue();
		assertThat(counter("qube.api.rate.limited", "key", "contract")).isEqualTo(1);
		assertThat(counter("qube.api.requests", "operation", "list_spaces", "outcome", "rate_limited")).isEqualTo(1);
	}

	@Test
	void rateLimitedReadIsSentAgainOnlyAfterRetryAfter() {
		limitKey(this.fleet.key(), 5, 2);
		RecordingSleeper sleeper = new RecordingSleeper();
		QubeClient qube = client(this.fleet.key(), this.transport, sleeper, 3);
		for (int i = 0; i < 6; i++) {
			assertThat(qube.spaces()).hasSize(1);
		}
		assertThat(this.transport.statuses()).containsExactly(200, 200, 200, 200, 200, 429, 200);
		assertEveryRetryWaitedForRetryAfter(this.transport.exchanges());
		assertThat(sleeper.pauses()).as("a 429 is not a backoff").isEmpty();
		assertThat(counter("qube.api.requests", "operation", "list_spaces", "outcome", "rate_limited")).isEqualTo(1);
		assertThat(counter("qube.api.requests", "operation", "list_spaces", "outcome", "success")).isEqualTo(6);
	}

	@Test
	void rateLimitedControlWriteIsSentAgainAndCountsAsOneSend() {
		limitKey(this.fleet.key(), 3, 2);
		QubeClient qube = client(this.fleet.key(), this.transport, new RecordingSleeper(), 3);
		for (int i = 0; i < 3; i++) {
			qube.spaces();
		}
		VerifiedWrite<Long> write = qube.setBalance(this.device, 123_456);
		assertThat(write.outcome()).as(write.toString()).isEqualTo(WriteOutcome.VERIFIED);
		// The sandbox did not process the refused PUT, so the repeat is the one send.
		assertThat(write.sends()).isEqualTo(1);
		assertThat(this.transport.statuses()).startsWith(200, 200, 200, 429, 200);
		assertThat(this.transport.exchanges()).filteredOn((exchange) -> exchange.method().equals("PUT"))
			.extracting(Exchange::status)
			.containsExactly(429, 200);
		assertEveryRetryWaitedForRetryAfter(this.transport.exchanges());
		assertThat(balanceSets()).containsExactly(123_456L);
	}

	@Test
	void injected500OnAReadIsRetriedAndSucceedsOnceFaultsAreOff() {
		RecordingSleeper sleeper = new RecordingSleeper(1, () -> setFaults("{}"));
		QubeClient qube = client(this.fleet.key(), this.transport, sleeper, 0);
		setFaults("{\"error_ratio\":1.0}");
		assertThat(qube.device(this.device).deviceId()).isEqualTo(this.device);
		assertThat(this.transport.statuses()).containsExactly(500, 200);
		assertThat(sleeper.pauses()).singleElement()
			.satisfies((pause) -> assertThat(pause).isLessThanOrEqualTo(BACKOFF_CAP));
		assertThat(counter("qube.api.requests", "operation", "get_device", "outcome", "server_error")).isEqualTo(1);
	}

	@Test
	void persistent500OnAReadSurfacesATypedInternalErrorAfterTheRetries() {
		RecordingSleeper sleeper = new RecordingSleeper();
		QubeClient qube = client(this.fleet.key(), this.transport, sleeper, 0);
		setFaults("{\"error_ratio\":1.0}");
		expectError(QubeErrorCode.INTERNAL_ERROR, 500, () -> qube.metrics(this.device));
		assertThat(this.transport.statuses()).hasSize(READ_ATTEMPTS).containsOnly(500);
		assertThat(sleeper.pauses()).hasSize(READ_ATTEMPTS - 1);
		setFaults("{}");
		assertThat(qube.metrics(this.device).deviceId()).isEqualTo(this.device);
	}

	@Test
	void injected500OnAWriteIsSentAgainOnlyAfterReadingBackThatItWasNotApplied() {
		// The first backoff (of the read-back) is where the fault clears.
		RecordingSleeper sleeper = new RecordingSleeper(1, () -> setFaults("{}"));
		QubeClient qube = client(this.fleet.key(), this.transport, sleeper, 0);
		setFaults("{\"error_ratio\":1.0}");
		VerifiedWrite<Long> write = qube.setBalance(this.device, 123_456);
		assertThat(write.outcome()).as(write.toString()).isEqualTo(WriteOutcome.VERIFIED);
		assertThat(write.sends()).isEqualTo(2);
		assertThat(this.transport.exchanges()).extracting((exchange) -> exchange.method() + " " + exchange.status())
			.containsExactly("PUT 500", "GET 500", "GET 200", "PUT 200", "GET 200");
		assertThat(balanceSets()).containsExactly(123_456L);
	}

	@Test
	void persistent500OnAWriteIsNeverSentAgainBlindly() {
		long balance = this.http.state(this.device).get("balance").asLong();
		QubeClient qube = client(this.fleet.key(), this.transport, new RecordingSleeper(), 0);
		setFaults("{\"error_ratio\":1.0}");
		QubeApiException error = expectError(QubeErrorCode.INTERNAL_ERROR, 500,
				() -> qube.setBalance(this.device, 123_456));
		// Without a successful read-back the client cannot know, so it stops and says so.
		assertThat(error.getSuppressed()).singleElement()
			.isInstanceOfSatisfying(QubeApiException.class,
					(readBack) -> assertThat(readBack.code()).isEqualTo(QubeErrorCode.INTERNAL_ERROR));
		assertThat(this.transport.exchanges()).extracting((exchange) -> exchange.method() + " " + exchange.status())
			.containsExactly("PUT 500", "GET 500", "GET 500", "GET 500");
		setFaults("{}");
		assertThat(this.http.state(this.device).get("balance").asLong()).isEqualTo(balance);
		assertThat(balanceSets()).isEmpty();
	}

	/**
	 * Every request sent after a 429 left no earlier than that answer's arrival plus its
	 * {@code Retry-After}. Both instants come from the wall clock the client's budget
	 * uses, so no tolerance is needed.
	 */
	private static void assertEveryRetryWaitedForRetryAfter(List<Exchange> exchanges) {
		int limited = 0;
		for (int i = 0; i + 1 < exchanges.size(); i++) {
			Exchange exchange = exchanges.get(i);
			if (exchange.status() == 429) {
				limited++;
				Duration retryAfter = Duration.ofSeconds(Long.parseLong(exchange.retryAfter()));
				assertThat(exchanges.get(i + 1).sent()).isAfterOrEqualTo(exchange.received().plus(retryAfter));
			}
		}
		assertThat(limited).as("the burst met the sandbox's limit").isPositive();
	}

	/** The balances the sandbox really applied to the device, from its ground truth. */
	private List<Long> balanceSets() {
		List<Long> sets = new ArrayList<>();
		for (JsonNode event : this.http.truth(this.device).get("events")) {
			if (event.get("type").asString().equals("balance_set")) {
				sets.add(event.get("details").get("to").asLong());
			}
		}
		return sets;
	}

}
