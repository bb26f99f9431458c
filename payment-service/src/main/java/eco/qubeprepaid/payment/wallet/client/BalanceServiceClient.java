package eco.qubeprepaid.payment.wallet.client;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a premise's wallet from balance-service's API (the balance, the daily usage, the
 * statement and the relay's state) and moves it for a refund. A failure is a
 * {@link WalletUnavailableException}, so that a page can say the figures are not
 * available just now instead of failing.
 */
public class BalanceServiceClient {

	private final BalanceServiceProperties properties;

	private final JsonMapper json;

	private final HttpClient http;

	/**
	 * @param properties where balance-service is
	 * @param json the JSON mapper
	 */
	public BalanceServiceClient(BalanceServiceProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	/**
	 * @param premiseId a premise
	 * @return its balance in paise
	 */
	public long balancePaise(String premiseId) {
		return get(premise(premiseId) + "/balance").path("balancePaise").asLong();
	}

	/**
	 * @param premiseId a premise
	 * @param from the first IST day
	 * @param to the last IST day
	 * @return the days with use, oldest first
	 */
	public List<DayUse> dailyUsage(String premiseId, LocalDate from, LocalDate to) {
		JsonNode view = get(premise(premiseId) + "/usage/daily?from=" + from + "&to=" + to);
		List<DayUse> days = new ArrayList<>();
		for (JsonNode day : view.path("days")) {
			days.add(new DayUse(LocalDate.parse(day.path("date").asString()),
					new BigDecimal(day.path("totalEnergyWh").asString("0")), day.path("totalPaise").asLong()));
		}
		return days;
	}

	/**
	 * @param premiseId a premise
	 * @param from the first IST day
	 * @param to the last IST day
	 * @return the statement's lines, newest first
	 */
	public List<StatementLine> statement(String premiseId, LocalDate from, LocalDate to) {
		JsonNode view = get(premise(premiseId) + "/statement?from=" + from + "&to=" + to);
		List<StatementLine> lines = new ArrayList<>();
		for (JsonNode line : view.path("lines")) {
			lines.add(new StatementLine(Instant.parse(line.path("occurredAt").asString()), line.path("kind").asString(),
					line.path("description").asString(""), line.path("reference").asString(""),
					line.path("amountPaise").asLong(), line.path("balanceAfterPaise").asLong()));
		}
		return lines;
	}

	/**
	 * @param premiseId a premise
	 * @return where its relay and its commands stand
	 */
	public RelayState relay(String premiseId) {
		JsonNode view = get(premise(premiseId) + "/relay");
		List<Command> commands = new ArrayList<>();
		for (JsonNode command : view.path("commands")) {
			commands.add(new Command(command.path("command").asString(), command.path("reason").asString(""),
					Instant.parse(command.path("requestedAt").asString()), command.path("status").asString(),
					command.path("settledAt").isString() ? Instant.parse(command.path("settledAt").asString()) : null));
		}
		JsonNode reported = view.path("reportedRelayOn");
		JsonNode observed = view.path("latestObservedAt");
		return new RelayState(view.path("phase").asString(""), reported.isBoolean() ? reported.asBoolean() : null,
				observed.isString() ? Instant.parse(observed.asString()) : null, view.path("meterMode").asString(""),
				view.path("effectiveEnforcement").asString(""), commands);
	}

	/**
	 * Takes a refund's amount from the wallet (balance-service's {@code /api/service/}
	 * path, for this service's account only); the refund's id is the key, so asking again
	 * takes nothing more.
	 * @param premiseId the premise
	 * @param refundId the refund
	 * @param amountPaise the amount
	 * @param reason the operator's reason
	 * @param requestedBy the operator
	 * @param overrideFloor whether the operator overrode the wallet's floor
	 * @return what balance-service did: moved, or refused for good (e.g. the floor)
	 * @throws WalletUnavailableException when balance-service cannot answer just now
	 */
	public WalletMove debitForRefund(String premiseId, UUID refundId, long amountPaise, String reason,
			String requestedBy, boolean overrideFloor) {
		return move("/api/service/premises/" + encode(premiseId) + "/refunds/" + refundId, amountPaise, reason,
				requestedBy, overrideFloor);
	}

	/**
	 * Gives a refund's amount back to the wallet after the gateway refused the refund.
	 * @param premiseId the premise
	 * @param refundId the refund
	 * @param amountPaise the amount taken
	 * @param reason why
	 * @return what balance-service did
	 * @throws WalletUnavailableException when balance-service cannot answer just now
	 */
	public WalletMove reverseRefund(String premiseId, UUID refundId, long amountPaise, String reason) {
		return move("/api/service/premises/" + encode(premiseId) + "/refunds/" + refundId + "/reversal", amountPaise,
				reason, null, false);
	}

	private WalletMove move(String path, long amountPaise, String reason, String requestedBy, boolean overrideFloor) {
		ObjectNode body = this.json.createObjectNode();
		body.put("amountPaise", amountPaise);
		body.put("reason", reason);
		if (requestedBy != null) {
			body.put("requestedBy", requestedBy);
		}
		body.put("overrideFloor", overrideFloor);
		HttpResponse<String> response = send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))), path);
		int status = response.statusCode();
		if (status / 100 == 2) {
			return WalletMove.moved(this.json.readTree(response.body()).path("balanceAfterPaise").asLong());
		}
		if (status == 429 || status >= 500 || status == 401 || status == 403) {
			// An outage, or this service's account not (yet) configured there: worth
			// retrying, never a reason to give up on the tenant's refund.
			throw new WalletUnavailableException(
					"balance-service answered " + status + " to " + path + ": " + response.body());
		}
		JsonNode problem = readOrEmpty(response.body());
		return WalletMove.refused(problem.path("code").asString(""), problem.path("detail").asString(response.body()));
	}

	private JsonNode readOrEmpty(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (RuntimeException ex) {
			return this.json.createObjectNode();
		}
	}

	private static String encode(String premiseId) {
		return URLEncoder.encode(premiseId, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String premise(String premiseId) {
		return "/api/premises/" + encode(premiseId);
	}

	private JsonNode get(String path) {
		HttpResponse<String> response = send(request(path).GET(), path);
		if (response.statusCode() == 404) {
			throw new WalletUnavailableException("balance-service knows no such premise yet (" + path + ")");
		}
		if (response.statusCode() / 100 != 2) {
			throw new WalletUnavailableException(
					"balance-service answered " + response.statusCode() + " to " + path + ": " + response.body());
		}
		return this.json.readTree(response.body());
	}

	private HttpRequest.Builder request(String path) {
		String base = this.properties.baseUrl().toString().replaceAll("/$", "");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(this.properties.timeout())
			.header("Accept", "application/json");
		if (!this.properties.username().isEmpty()) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((this.properties.username() + ":" + this.properties.password())
							.getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String path) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new WalletUnavailableException("balance-service cannot be reached: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WalletUnavailableException("Interrupted while calling balance-service");
		}
	}

	/**
	 * What balance-service did with a wallet movement.
	 *
	 * @param moved whether the wallet moved (now or by an earlier identical request)
	 * @param balanceAfterPaise the balance right after it, when moved
	 * @param code balance-service's refusal code (e.g. {@code BELOW_FLOOR}), when not
	 * @param refusal its explanation, when not
	 */
	public record WalletMove(boolean moved, long balanceAfterPaise, String code, String refusal) {

		static WalletMove moved(long balanceAfterPaise) {
			return new WalletMove(true, balanceAfterPaise, null, null);
		}

		static WalletMove refused(String code, String refusal) {
			return new WalletMove(false, 0, code, refusal);
		}

	}

	/**
	 * One IST day's use.
	 *
	 * @param date the day
	 * @param energyWh the energy, exact
	 * @param paise its charges
	 */
	public record DayUse(LocalDate date, BigDecimal energyWh, long paise) {
	}

	/**
	 * A statement line.
	 *
	 * @param occurredAt when
	 * @param kind its kind (e.g. {@code TOP_UP}, {@code ENERGY_CHARGE})
	 * @param description its text
	 * @param reference its idempotency key (e.g. {@code topup:<payment id>})
	 * @param amountPaise the change, negative for a charge
	 * @param balanceAfterPaise the balance after it
	 */
	public record StatementLine(Instant occurredAt, String kind, String description, String reference, long amountPaise,
			long balanceAfterPaise) {
	}

	/**
	 * The relay's state as balance-service sees it.
	 *
	 * @param phase the policy's phase (e.g. {@code CLEAR}, {@code CUT})
	 * @param reportedRelayOn the relay in the latest reading, or null
	 * @param latestObservedAt when that reading was taken, or null
	 * @param meterMode the meter's mode
	 * @param enforcement who enforces the balance
	 * @param commands the commands, newest first
	 */
	public record RelayState(String phase, Boolean reportedRelayOn, Instant latestObservedAt, String meterMode,
			String enforcement, List<Command> commands) {
	}

	/**
	 * A device command for the premise.
	 *
	 * @param command {@code SET_BALANCE}, {@code RELAY_ON} or {@code RELAY_OFF}
	 * @param reason why
	 * @param requestedAt when
	 * @param status {@code REQUESTED}, {@code COMPLETED} or {@code FAILED}
	 * @param settledAt when its outcome came, or null
	 */
	public record Command(String command, String reason, Instant requestedAt, String status, Instant settledAt) {
	}

}
