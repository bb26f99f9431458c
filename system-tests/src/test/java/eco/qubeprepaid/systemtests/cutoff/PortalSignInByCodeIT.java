package eco.qubeprepaid.systemtests.cutoff;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.systemtests.cutoff.CutoffLab.Premise;
import eco.qubeprepaid.systemtests.support.JsonHttp;
import eco.qubeprepaid.systemtests.support.SystemUnderTest;
import eco.qubeprepaid.testsupport.OperatorAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tenant without their link signs in to the portal with a one-time code: they give
 * their phone number, payment-service asks notifier-service to send a code, the sandbox's
 * SMS provider receives it, and the code signs them in once. All through real HTTP, the
 * portal's own forms (CSRF included) and the real services.
 */
class PortalSignInByCodeIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern CODE_ID = Pattern.compile("name=\"codeId\" value=\"([^\"]+)\"");

	private static final Pattern SIX_DIGITS = Pattern.compile("\\b([0-9]{6})\\b");

	private final CutoffLab lab = new CutoffLab();

	private final SystemUnderTest system = SystemUnderTest.get();

	private final JsonHttp json = new JsonHttp();

	@AfterEach
	void pause() {
		this.lab.pause();
	}

	@Test
	void aTenantSignsInWithTheCodeSentToTheirPhoneOnceAndAStrangerLearnsNothing() throws Exception {
		Premise premise = this.lab.newPremises(1, MeterMode.PREPAID, 15_000).get(0);
		this.lab.awaitFirstReading(premise);
		String phone = "+9199" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
		this.system.payment("POST", "/api/tenants", Map.of("premiseId", premise.id(), "name", "Kavya Rao", "phone",
				phone, "language", "en", "reason", "sign-in by code"));
		await("notifier-service knows the tenant").atMost(Duration.ofSeconds(30))
			.until(() -> recipients(premise.id()).size() == 1);

		Browser tenant = new Browser();
		HttpResponse<String> asked = tenant.askForCode(phone);
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(asked.body()).contains("a six-digit code is on its way");
		String codeId = find(CODE_ID, asked.body());
		String sms = await("the code at the tenant's phone").atMost(Duration.ofSeconds(30))
			.until(() -> textsTo(phone), (texts) -> !texts.isEmpty())
			.get(0);
		assertThat(sms).contains("sign-in code").contains(premise.id());
		String code = find(SIX_DIGITS, sms);

		String wrong = code.equals("000000") ? "111111" : "000000";
		HttpResponse<String> refused = tenant.enterCode(codeId, wrong, asked.body());
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("That is not the code. 4 more tries.");
		HttpResponse<String> signedIn = tenant.enterCode(codeId, code, refused.body());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/portal"));
		HttpResponse<String> home = tenant.get("/portal");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Kavya Rao").contains("150.00");

		// Once: the same code in another browser is refused.
		Browser other = new Browser();
		HttpResponse<String> form = other.get("/portal/sign-in");
		HttpResponse<String> again = other.enterCode(codeId, code, form.body());
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("This code has expired or was used");

		// A stranger's number gets the same page, and nothing is sent to it.
		String stranger = "+9198" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
		HttpResponse<String> strangers = new Browser().askForCode(stranger);
		assertThat(strangers.statusCode()).isEqualTo(200);
		assertThat(strangers.body()).contains("a six-digit code is on its way");
		assertThat(textsTo(stranger)).isEmpty();

		// The delivery log shows the code went, not what it was.
		JsonNode notice = StreamSupport
			.stream(this.json.send("GET",
					this.system.notifierUrl() + "/api/notices?premiseId=" + premise.id() + "&kind=sign-in-code", null,
					Map.of("Authorization", OperatorAuth.MONEY))
				.spliterator(), false)
			.findFirst()
			.orElseThrow();
		await("the code's notice sent").atMost(Duration.ofSeconds(30))
			.until(() -> !"PENDING".equals(sentNotice(premise.id()).path("status").asString()));
		assertThat(sentNotice(premise.id()).path("body").asString()).doesNotContain(code);
		assertThat(notice.path("channel").asString()).isEqualTo("sms");
	}

	private JsonNode sentNotice(String premiseId) {
		return this.json
			.send("GET", this.system.notifierUrl() + "/api/notices?premiseId=" + premiseId + "&kind=sign-in-code", null,
					Map.of("Authorization", OperatorAuth.MONEY))
			.get(0);
	}

	private List<JsonNode> recipients(String premiseId) {
		JsonNode list = this.json.send("GET", this.system.notifierUrl() + "/api/recipients?premiseId=" + premiseId,
				null, Map.of("Authorization", OperatorAuth.MONEY));
		return StreamSupport.stream(list.spliterator(), false).toList();
	}

	private List<String> textsTo(String phone) {
		JsonNode sent = this.json.get(this.system.sandboxUrl() + "/admin/messaging/messages?to="
				+ URLEncoder.encode(phone, StandardCharsets.UTF_8));
		return StreamSupport.stream(sent.path("messages").spliterator(), false)
			.map((message) -> message.path("body").asString())
			.toList();
	}

	private static String find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

	/**
	 * A phone's browser: its own cookies (the session), forms posted with their token.
	 */
	private final class Browser {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> askForCode(String phone) throws Exception {
			HttpResponse<String> page = get("/portal/sign-in");
			assertThat(page.statusCode()).isEqualTo(200);
			return post("/portal/sign-in/code",
					"phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8) + "&_csrf=" + find(CSRF, page.body()));
		}

		HttpResponse<String> enterCode(String codeId, String code, String page) throws Exception {
			return post("/portal/sign-in/verify", "codeId=" + codeId + "&code=" + code + "&_csrf="
					+ URLEncoder.encode(find(CSRF, page), StandardCharsets.UTF_8));
		}

		HttpResponse<String> get(String path) throws Exception {
			return this.http.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.get().paymentUrl() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String form) throws Exception {
			return this.http.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.get().paymentUrl() + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
