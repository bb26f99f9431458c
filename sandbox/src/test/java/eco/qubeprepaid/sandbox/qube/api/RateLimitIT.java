package eco.qubeprepaid.sandbox.qube.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import eco.qubeprepaid.sandbox.support.SandboxHttp;
import eco.qubeprepaid.sandbox.support.SandboxITSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The per-key rolling-window rate limit (G14), with its headers. */
class RateLimitIT extends SandboxITSupport {

	@Test
	void returns429WithRetryAfterWhenTheBudgetIsExhausted() {
		SandboxHttp.Fleet fleet = this.http.newFleet(31, 1, 1);
		this.http.admin("PUT", "/rate-limit",
				"{\"requests\":5,\"window_seconds\":6,\"api_key\":\"" + fleet.key() + "\"}");
		List<SandboxHttp.Response> burst = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			burst.add(this.http.get(fleet.key(), "/api/v2/spaces/"));
		}
		for (int i = 0; i < 5; i++) {
			SandboxHttp.Response ok = burst.get(i);
			ok.assertOk();
			assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("5");
			assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(4 - i));
			assertThat(Long.parseLong(ok.header("X-RateLimit-Reset"))).isBetween(System.currentTimeMillis() / 1000,
					System.currentTimeMillis() / 1000 + 7);
		}
		for (int i = 5; i < 8; i++) {
			SandboxHttp.Response limited = burst.get(i);
			limited.assertError(429, "rate_limit_exceeded");
			assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 6);
			assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
			assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("5");
		}
		// Another key keeps its own budget.
		this.http.get("quickstart-key", "/api/v2/spaces/").assertOk();
		// Requests with a bad key are refused before counting and do not touch any
		// budget.
		this.http.get("not-a-key", "/api/v2/spaces/").assertError(401, "authentication_error");
		// The window rolls: once the oldest request is older than 6 s, the key is
		// admitted again.
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> this.http.get(fleet.key(), "/api/v2/spaces/").assertOk());
	}

	@Test
	void listsTheLimitOfEachKey() {
		SandboxHttp.Fleet fleet = this.http.newFleet(32, 1, 1);
		this.http.admin("PUT", "/rate-limit",
				"{\"requests\":7,\"window_seconds\":9,\"api_key\":\"" + fleet.key() + "\"}");
		JsonNode keys = this.http.admin("GET", "/keys", null);
		JsonNode mine = StreamSupport.stream(keys.spliterator(), false)
			.filter((k) -> k.get("api_key").asString().equals(fleet.key()))
			.findFirst()
			.orElseThrow();
		assertThat(mine.get("rate_limit").get("requests").asInt()).isEqualTo(7);
		assertThat(mine.get("rate_limit").get("window_seconds").asInt()).isEqualTo(9);
		assertThat(mine.get("device_count").asInt()).isEqualTo(1);
	}

	@Test
	void rejectsAnInvalidLimitWithoutChange() {
		SandboxHttp.Response response = this.http.send(null, "PUT", "/admin/qube/rate-limit",
				"{\"requests\":0,\"window_seconds\":6}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString()).contains("requests");
		SandboxHttp.Response ok = this.http.get("quickstart-key", "/api/v2/spaces/");
		assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("100000");
	}

}
