package eco.qubeprepaid.payment.security;

import java.net.http.HttpResponse;

import eco.qubeprepaid.payment.support.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator API needs an operator: nobody unauthenticated, and no read-only operator,
 * may take any money or tenant action; every action taken is audited with who and why.
 */
class OperatorApiSecurityIT extends PaymentIntegrationTest {

	private static final String MOVE_IN = "{\"premiseId\":\"Sec.Flat-1\",\"name\":\"Ravi\",\"language\":\"hi\","
			+ "\"reason\":\"lease signed\"}";

	@Test
	void everyMoneyAndTenantActionIsRefusedWithoutAnOperatorOrWithAReadOnlyOne() {
		String topUp = "{\"premiseId\":\"Sec.Flat-0\",\"amountPaise\":20000}";
		String[][] actions = { { "/api/top-ups", topUp }, { "/api/tenants", MOVE_IN },
				{ "/api/tenants/00000000-0000-0000-0000-000000000001/move-out", "{}" },
				{ "/api/tenants/00000000-0000-0000-0000-000000000001/sign-in-link", "{}" } };
		for (String[] action : actions) {
			assertThat(post(action[0], action[1], null).statusCode()).as("anonymous %s", action[0]).isEqualTo(401);
			assertThat(post(action[0], action[1], basic("ops-money", "wrong")).statusCode())
				.as("wrong password %s", action[0])
				.isEqualTo(401);
			assertThat(post(action[0], action[1], VIEWER_OPERATOR).statusCode()).as("viewer %s", action[0])
				.isEqualTo(403);
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM top_ups WHERE premise_id = 'Sec.Flat-0'", Long.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tenants WHERE premise_id = 'Sec.Flat-1'", Long.class))
			.isZero();
		assertThat(get("/api/audit", null).statusCode()).isEqualTo(401);
		assertThat(get("/api/audit", VIEWER_OPERATOR).statusCode()).isEqualTo(200);
	}

	@Test
	void anOperatorsActionsAreAuditedWithWhoWhatAndWhy() {
		HttpResponse<String> movedIn = post("/api/tenants", MOVE_IN.replace("Sec.Flat-1", "Sec.Flat-2"),
				MONEY_OPERATOR);
		assertThat(movedIn.statusCode()).as(movedIn.body()).isEqualTo(201);
		String tenantId = JSON.readTree(movedIn.body()).get("tenantId").asString();
		HttpResponse<String> again = post("/api/tenants", MOVE_IN.replace("Sec.Flat-1", "Sec.Flat-2"), MONEY_OPERATOR);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("has a current tenant");
		assertThat(post("/api/tenants/" + tenantId + "/sign-in-link", "", MONEY_OPERATOR).statusCode()).isEqualTo(200);
		assertThat(post("/api/tenants/" + tenantId + "/move-out", "{\"reason\":\"lease ended\"}", MONEY_OPERATOR)
			.statusCode()).isEqualTo(200);
		assertThat(post("/api/tenants/" + tenantId + "/move-out", "{}", MONEY_OPERATOR).statusCode()).isEqualTo(409);

		JsonNode audit = JSON.readTree(get("/api/audit?target=Sec.Flat-2", VIEWER_OPERATOR).body());
		assertThat(audit).hasSize(3);
		assertThat(audit.get(0).get("action").asString()).isEqualTo("tenant.move-out");
		assertThat(audit.get(0).get("actor").asString()).isEqualTo("ops-money");
		assertThat(audit.get(0).get("reason").asString()).isEqualTo("lease ended");
		assertThat(audit.get(1).get("action").asString()).isEqualTo("tenant.sign-in-link");
		assertThat(audit.get(2).get("action").asString()).isEqualTo("tenant.move-in");
		assertThat(audit.get(2).get("reason").asString()).isEqualTo("lease signed");
		assertThat(audit.get(2).get("at").asString()).isNotBlank();
	}

	@Test
	void aTopUpStartedByAnOperatorIsAudited() {
		HttpResponse<String> response = post("/api/top-ups", "{\"premiseId\":\"Sec.Flat-3\",\"amountPaise\":50000}",
				MONEY_OPERATOR);
		assertThat(response.statusCode()).isEqualTo(201);

		JsonNode audit = JSON.readTree(get("/api/audit?target=Sec.Flat-3", VIEWER_OPERATOR).body());
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0).get("action").asString()).isEqualTo("top-up.start");
		assertThat(audit.get(0).get("actorKind").asString()).isEqualTo("OPERATOR");
		assertThat(audit.get(0).get("detail").asString()).contains("50000 paise");
	}

	@Test
	void healthAndTheOpenApiDocumentAreOpenAndDescribeTheOperatorApi() {
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
		HttpResponse<String> docs = get("/v3/api-docs", null);
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/tenants").contains("/api/top-ups").contains("/api/audit");
	}

}
