package eco.qubeprepaid.systemtests.cutoff;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.systemtests.cutoff.CutoffLab.Premise;
import eco.qubeprepaid.systemtests.support.SystemUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tenant at zero with the power cut pays through the gateway's hosted checkout page
 * (its HTML form, posted as a browser posts it): the gateway's signed webhook reaches
 * payment-service, the credit the ledger, the new balance the meter and the relay closes,
 * all through the real sandbox, the three services, the broker and PostgreSQL.
 */
class CheckoutEndToEndIT {

	private static final long TOP_UP_PAISE = 20_000;

	private static final Duration BOUND = Duration.ofSeconds(30);

	private final CutoffLab lab = new CutoffLab();

	private final SystemUnderTest system = SystemUnderTest.get();

	private final HttpClient browser = HttpClient.newHttpClient();

	@AfterEach
	void pause() {
		this.lab.pause();
	}

	@Test
	void aCutTenantWhoPaysAtTheCheckoutGetsTheBalanceOnTheMeterAndThePowerBack() throws Exception {
		Premise premise = this.lab.newPremises(1, MeterMode.PREPAID, 0).get(0);
		assertThat(this.lab.relayOn(premise)).as("a PREPAID meter at zero has cut itself").isFalse();
		this.lab.awaitFirstReading(premise);

		JsonNode topUp = this.system.payment("POST", "/api/top-ups",
				Map.of("premiseId", premise.id(), "amountPaise", TOP_UP_PAISE));
		String checkout = topUp.get("checkoutUrl").asString();
		HttpResponse<String> page = this.browser.send(HttpRequest.newBuilder(URI.create(checkout)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("200.00").contains("id=\"pay\"");

		String callback = URLDecoder.decode(checkout.substring(checkout.indexOf("callback_url=") + 13),
				StandardCharsets.UTF_8);
		String orderId = topUp.get("orderId").asString();
		String form = "method=upi&vpa=" + enc("tenant@upi") + "&outcome=success&callback_url=" + enc(callback);
		Instant paid = Instant.now();
		HttpResponse<String> redirect = this.browser
			.send(HttpRequest.newBuilder(URI.create(this.system.sandboxUrl() + "/checkout/" + orderId))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(redirect.statusCode()).isEqualTo(303);
		String location = redirect.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(callback).contains("razorpay_payment_id=pay_");

		await("balance and relay of " + premise + " at the sandbox").atMost(BOUND)
			.pollInterval(Duration.ofMillis(25))
			.until(() -> this.lab.relayOn(premise) && this.lab.meterBalance(premise) == TOP_UP_PAISE);
		Duration restore = Duration.between(paid, Instant.now());
		JsonNode settled = this.system.payment("GET", "/api/top-ups/" + topUp.get("topUpId").asString(), null);
		assertThat(settled.get("status").asString()).isEqualTo("CAPTURED");
		assertThat(this.lab.balance(premise)).isEqualTo(TOP_UP_PAISE);
		System.out.printf("[checkout e2e] %s paid %d p at the checkout; balance on the meter and relay closed %d ms"
				+ " after the payment%n", premise, TOP_UP_PAISE, restore.toMillis());
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
