package eco.qubeprepaid.payment.portal;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eco.qubeprepaid.payment.support.PaymentIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant sees and changes only their own premise: no id in any URL or form reaches
 * another's data; a tampered, expired or moved-out tenant's link signs nobody in; forms
 * need the session's CSRF token.
 */
class PortalIsolationIT extends PaymentIntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private Browser tenantA;

	private Browser tenantB;

	private String linkA;

	private String linkB;

	@BeforeEach
	void twoTenants() {
		String suffix = Long.toString(System.nanoTime());
		this.linkA = link(moveIn("Iso.A-" + suffix, "Asha"));
		this.linkB = link(moveIn("Iso.B-" + suffix, "Bilal"));
		this.tenantA = new Browser();
		this.tenantB = new Browser();
		assertThat(this.tenantA.get(this.linkA).statusCode()).isEqualTo(302);
		assertThat(this.tenantB.get(this.linkB).statusCode()).isEqualTo(302);
	}

	@Test
	void eachTenantSeesOnlyTheirOwnPremise() {
		HttpResponse<String> home = this.tenantA.get(url("/portal"));

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Asha").contains("Iso.A-").doesNotContain("Iso.B-").doesNotContain("Bilal");
	}

	@Test
	void anotherTenantsTopUpIsNotFoundByEditingItsIdInTheUrl() {
		String topUpOfB = startTopUp(this.tenantB, "250", null);

		HttpResponse<String> own = this.tenantB.get(url("/portal/top-ups/" + topUpOfB));
		HttpResponse<String> foreign = this.tenantA.get(url("/portal/top-ups/" + topUpOfB));

		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("₹250.00");
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(foreign.body()).doesNotContain("250.00").doesNotContain("Iso.B-");
	}

	@Test
	void aPremiseIdSlippedIntoTheTopUpFormIsIgnored() {
		String premiseOfB = this.jdbc.queryForObject(
				"SELECT premise_id FROM tenants WHERE premise_id LIKE 'Iso.B-%' ORDER BY moved_in_at DESC LIMIT 1",
				String.class);
		String topUp = startTopUp(this.tenantA, "300", premiseOfB);

		String credited = this.jdbc.queryForObject("SELECT premise_id FROM top_ups WHERE top_up_id = ?::uuid",
				String.class, topUp);
		assertThat(credited).startsWith("Iso.A-");
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM top_ups WHERE premise_id = ?", Long.class, premiseOfB))
			.isZero();
	}

	@Test
	void aTamperedLinkSignsNobodyIn() {
		String tenantOfB = this.linkB.substring(this.linkB.indexOf("token=") + 6).split("\\.")[0];
		String tokenOfA = this.linkA.substring(this.linkA.indexOf("token=") + 6);
		String forged = "token=" + tenantOfB + tokenOfA.substring(tokenOfA.indexOf('.'));
		Browser intruder = new Browser();

		HttpResponse<String> signIn = intruder.get(url("/portal/sign-in?" + forged));
		HttpResponse<String> extended = intruder
			.get(url("/portal/sign-in?token=" + tokenOfA.replaceFirst("\\.(\\d+)\\.", ".9999999999.")));

		assertThat(signIn.statusCode()).isEqualTo(400);
		assertThat(signIn.body()).contains("not valid");
		assertThat(extended.statusCode()).isEqualTo(400);
		assertThat(intruder.get(url("/portal")).statusCode()).isEqualTo(302);
	}

	@Test
	void aMovedOutTenantsLinkNoLongerWorks() {
		String premise = "Iso.Gone-" + System.nanoTime();
		String tenant = moveIn(premise, "Gita");
		String link = link(tenant);
		assertThat(post("/api/tenants/" + tenant + "/move-out", "{\"reason\":\"left\"}").statusCode()).isEqualTo(200);

		assertThat(new Browser().get(link).statusCode()).isEqualTo(400);
	}

	@Test
	void anonymousVisitorsAreSentToSignInAndFormsNeedTheSessionsToken() {
		Browser anonymous = new Browser();
		HttpResponse<String> home = anonymous.get(url("/portal"));
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/portal/sign-in");

		HttpResponse<String> noToken = this.tenantA.postForm(url("/portal/top-ups"), "amount=200");
		assertThat(noToken.statusCode()).isEqualTo(403);
	}

	@Test
	void pagesWorkInHindiAndSayWhatIsWrongWithAnAmount() {
		String csrf = this.tenantA.csrf(url("/portal"));
		assertThat(this.tenantA.postForm(url("/portal/language"), "lang=hi&_csrf=" + csrf).statusCode()).isEqualTo(302);
		HttpResponse<String> home = this.tenantA.get(url("/portal"));
		assertThat(home.body()).contains("lang=\"hi\"").contains("रिचार्ज करें");

		HttpResponse<String> refused = this.tenantA.postForm(url("/portal/top-ups"),
				"amount=5&_csrf=" + this.tenantA.csrf(url("/portal")));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("₹10.00").contains("₹50,000.00").contains("top-up-error");
	}

	private String startTopUp(Browser browser, String rupees, String slippedPremise) {
		String form = "amount=" + rupees + "&_csrf=" + browser.csrf(url("/portal")) + ((slippedPremise != null)
				? "&premiseId=" + URLEncoder.encode(slippedPremise, StandardCharsets.UTF_8) : "");
		HttpResponse<String> started = browser.postForm(url("/portal/top-ups"), form);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		String checkout = started.headers().firstValue("Location").orElseThrow();
		assertThat(checkout).startsWith(gateway().baseUrl() + "/checkout/order_");
		String callback = URLDecoder.decode(checkout.substring(checkout.indexOf("callback_url=") + 13),
				StandardCharsets.UTF_8);
		return callback.substring(callback.lastIndexOf('/') + 1);
	}

	private String moveIn(String premise, String name) {
		HttpResponse<String> response = post("/api/tenants",
				"{\"premiseId\":\"" + premise + "\",\"name\":\"" + name + "\",\"language\":\"en\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body()).get("tenantId").asString();
	}

	private String link(String tenantId) {
		HttpResponse<String> response = post("/api/tenants/" + tenantId + "/sign-in-link", "");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String url = JSON.readTree(response.body()).get("url").asString();
		// The link names the configured portal URL; this test's portal is on its port.
		return url("/portal/sign-in" + url.substring(url.indexOf('?')));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** A browser of one person: its own cookies, no redirects followed. */
	private static final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String url) {
			return send(HttpRequest.newBuilder(URI.create(url)).build());
		}

		HttpResponse<String> postForm(String url, String form) {
			return send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build());
		}

		String csrf(String page) {
			Matcher matcher = CSRF.matcher(get(page).body());
			assertThat(matcher.find()).as("a CSRF token on %s", page).isTrue();
			return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
		}

		private HttpResponse<String> send(HttpRequest request) {
			try {
				return this.client.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
