package eco.qubeprepaid.systemtests.cutoff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import eco.qubeprepaid.systemtests.support.SystemUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's own at-least-once delivery at its worst, end to end: every webhook sent
 * twice, in random order, a third of the attempts failing and retried; 200 payments of
 * different amounts credit the ledger exactly once each, and the ledger's top-ups total
 * what the gateway captured.
 */
class WebhookStormEndToEndIT {

	private static final int PAYMENTS = 200;

	private final SystemUnderTest system = SystemUnderTest.get();

	@AfterEach
	void calmTheGateway() {
		this.system.gateway("PUT", "/config", Map.of("duplicate_ratio", 0, "reorder", false, "failure_ratio", 0,
				"retry_initial_ms", 1000, "retry_max_ms", 30_000));
	}

	@Test
	void duplicatedReorderedAndFailingDeliveriesCreditTheLedgerExactlyWhatTheGatewayCaptured() {
		this.system.gateway("PUT", "/config", Map.of("duplicate_ratio", 1.0, "reorder", true, "failure_ratio", 0.3,
				"retry_initial_ms", 50, "retry_max_ms", 400));
		String prefix = "Storm-" + System.nanoTime() + ".Flat-";
		List<String> payments = new ArrayList<>();
		List<String> premises = new ArrayList<>();
		long expected = 0;
		for (int i = 0; i < PAYMENTS; i++) {
			String premise = prefix + i;
			long amount = 1000 + 100L * (i % 37);
			JsonNode topUp = this.system.payment("POST", "/api/top-ups",
					Map.of("premiseId", premise, "amountPaise", amount));
			JsonNode payment = this.system.gateway("POST", "/orders/" + topUp.get("orderId").asString() + "/pay",
					Map.of("method", "upi", "outcome", "success", "webhooks", true));
			payments.add(payment.get("id").asString());
			premises.add(premise);
			expected += amount;
		}
		long captured = expected;
		await("every credit in the ledger").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(2))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(ledgerTopUps(premises)).isEqualTo(captured));
		JsonNode truth = this.system.gateway("GET", "/truth", null);
		long gatewayCaptured = 0;
		int deliveries = 0;
		for (JsonNode payment : truth.get("payments")) {
			if (payments.contains(payment.get("id").asString())) {
				gatewayCaptured += payment.get("amount").asLong();
			}
		}
		for (JsonNode event : truth.get("events")) {
			if (payments.contains(event.path("payment_id").asString(""))) {
				for (JsonNode attempt : event.get("attempts")) {
					deliveries += "delivered".equals(attempt.get("outcome").asString()) ? 1 : 0;
				}
			}
		}
		assertThat(gatewayCaptured).isEqualTo(expected);
		// payment.captured and order.paid per payment, each delivered at least twice.
		assertThat(deliveries).isGreaterThanOrEqualTo(PAYMENTS * 2 * 2);
		// No second credit arrives late: the ledger's lines stay one per payment.
		assertThat(topUpLines(premises)).isEqualTo(PAYMENTS);
		System.out.printf("[storm e2e] %d payments, %d paise; %d deliveries; ledger top-ups %d paise%n", PAYMENTS,
				expected, deliveries, ledgerTopUps(premises));
	}

	private long ledgerTopUps(List<String> premises) {
		return premises.stream()
			.mapToLong((premise) -> this.system.balance("GET", "/api/premises/" + premise + "/balance", null)
				.get("balancePaise")
				.asLong())
			.sum();
	}

	private long topUpLines(List<String> premises) {
		java.time.LocalDate today = java.time.LocalDate.now(CutoffLab.IST);
		long lines = 0;
		for (String premise : premises) {
			for (JsonNode line : this.system
				.balance("GET",
						"/api/premises/" + premise + "/statement?from=" + today.minusDays(1) + "&to="
								+ today.plusDays(1),
						null)
				.get("lines")) {
				lines += "TOP_UP".equals(line.get("kind").asString()) ? 1 : 0;
			}
		}
		return lines;
	}

}
