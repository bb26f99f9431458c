package eco.qubeprepaid.balance.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import eco.qubeprepaid.balance.BalanceIntegrationTest;
import eco.qubeprepaid.testsupport.OperatorAuth;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * balance-service's operator API has the platform's authentication: nobody
 * unauthenticated reads anything, and no read-only operator forces a relay, changes a
 * tariff or a policy, or resolves a quarantined reading; health stays open.
 */
class OperatorApiSecurityIT extends BalanceIntegrationTest {

	private static final String PREMISE = URLEncoder.encode("Secure.Flat-1", StandardCharsets.UTF_8);

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void everyChangeNeedsAnOperatorWithTheMoneyRole() throws Exception {
		String[][] changes = {
				{ "POST", "/api/premises/" + PREMISE + "/relay",
						"{\"on\":false,\"operator\":\"asha\",\"reason\":\"tamper\"}" },
				{ "PUT", "/api/premises/" + PREMISE + "/tariffs",
						"{\"effectiveFrom\":\"2026-01-01T00:00:00+05:30\",\"ebPaisePerKwh\":1,\"dgPaisePerKwh\":1}" },
				{ "PUT", "/api/premises/" + PREMISE + "/policy", "{\"enforcement\":\"SYSTEM\"}" },
				{ "DELETE", "/api/premises/" + PREMISE + "/policy/holidays/2026-01-26", null },
				{ "POST", "/api/quarantine/1/resolution", "{\"action\":\"DISMISS\",\"operator\":\"asha\"}" },
				{ "POST", "/api/premises/" + PREMISE + "/adjustments",
						"{\"direction\":\"credit\",\"amountPaise\":100,\"reason\":\"x\",\"key\":\"k\"}" } };
		for (String[] change : changes) {
			assertThat(send(change[0], change[1], change[2], null).statusCode())
				.as("anonymous %s %s", change[0], change[1])
				.isEqualTo(401);
			assertThat(send(change[0], change[1], change[2], OperatorAuth.basic("ops-money", "guess")).statusCode())
				.as("wrong password %s %s", change[0], change[1])
				.isEqualTo(401);
			assertThat(send(change[0], change[1], change[2], OperatorAuth.VIEWER).statusCode())
				.as("viewer %s %s", change[0], change[1])
				.isEqualTo(403);
		}
		assertThat(send("GET", "/api/premises/" + PREMISE + "/tariffs", null, OperatorAuth.MONEY).body())
			.doesNotContain("\"ebPaisePerKwh\":1,");
	}

	@Test
	void readingNeedsAnOperatorAndHealthIsOpen() throws Exception {
		assertThat(send("GET", "/api/quarantine", null, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/quarantine", null, OperatorAuth.VIEWER).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/not-an-api", null, OperatorAuth.MONEY).statusCode()).isIn(401, 403, 404);
	}

	@Test
	void theOpenApiDocumentIsOpenAndDescribesTheOperatorApi() throws Exception {
		HttpResponse<String> docs = send("GET", "/v3/api-docs", null, null);
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/premises/{premiseId}/adjustments", "/api/premises/{premiseId}/relay",
				"/api/premises/{premiseId}/movements", "/api/quarantine/{id}/resolution");
	}

	private HttpResponse<String> send(String method, String path, String json, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
