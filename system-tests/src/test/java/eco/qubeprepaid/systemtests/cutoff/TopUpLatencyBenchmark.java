package eco.qubeprepaid.systemtests.cutoff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.systemtests.cutoff.CutoffLab.Premise;
import eco.qubeprepaid.systemtests.support.SystemUnderTest;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * Top-up latency benchmark (issue 10): for each of N tenants at zero with the power cut
 * (PREPAID meters that cut themselves), a ₹200 top-up is paid at the gateway simulator,
 * whose webhook goes to payment-service; the clock runs from the moment the gateway sent
 * the {@code payment.captured} webhook (its ground truth) to the moment the sandbox's
 * meter first shows the new balance and then its relay closed (the sandbox's admin API,
 * polled every 5 ms). The top-ups run one after another on the whole system in one JVM:
 * the real sandbox, poller-, balance- and payment-service on a real broker and PostgreSQL
 * (test-support's servers, which run without fsync).
 * <p>
 * Usage ({@code tools/bench-topup.sh}): {@code TopUpLatencyBenchmark [top-ups=200]}.
 */
public final class TopUpLatencyBenchmark {

	private static final long AMOUNT_PAISE = 20_000;

	private static final Duration BOUND = Duration.ofSeconds(60);

	private TopUpLatencyBenchmark() {
	}

	public static void main(String[] args) {
		int status = 1;
		try {
			run((args.length > 0) ? Integer.parseInt(args[0]) : 200);
			status = 0;
		}
		finally {
			// The system's threads would keep the JVM alive.
			System.exit(status);
		}
	}

	private static void run(int count) {
		SystemUnderTest system = SystemUnderTest.get();
		CutoffLab lab = new CutoffLab();
		System.out.printf(Locale.ROOT, "top-up latency: %d top-ups of %d paise, one after another%n", count,
				AMOUNT_PAISE);
		List<Premise> premises = new ArrayList<>();
		while (premises.size() < count) {
			// Small spaces: a generated space also has common-area meters without a
			// relay.
			premises.addAll(lab.newPremises(Math.min(8, count - premises.size()), MeterMode.PREPAID, 0));
		}
		for (Premise premise : premises) {
			lab.awaitFirstReading(premise);
		}
		List<Long> toMeter = new ArrayList<>();
		List<Long> toRelay = new ArrayList<>();
		Instant began = Instant.now();
		for (Premise premise : premises) {
			JsonNode topUp = system.payment("POST", "/api/top-ups",
					Map.of("premiseId", premise.id(), "amountPaise", AMOUNT_PAISE));
			JsonNode payment = system.gateway("POST", "/orders/" + topUp.get("orderId").asString() + "/pay",
					Map.of("method", "upi", "outcome", "success", "webhooks", true));
			AtomicReference<Instant> meterAt = new AtomicReference<>();
			AtomicReference<Instant> relayAt = new AtomicReference<>();
			await("balance and relay of " + premise).atMost(BOUND).pollInterval(Duration.ofMillis(5)).until(() -> {
				JsonNode device = system.admin("GET", "/devices/" + premise.deviceId(), null);
				Instant seen = Instant.now();
				if (meterAt.get() == null && device.get("balance").asLong() == AMOUNT_PAISE) {
					meterAt.set(seen);
				}
				if (meterAt.get() != null && device.get("relay_state").asBoolean()) {
					relayAt.set(seen);
				}
				return relayAt.get() != null;
			});
			Instant sent = webhookSentAt(system, payment.get("id").asString());
			toMeter.add(Duration.between(sent, meterAt.get()).toMillis());
			toRelay.add(Duration.between(sent, relayAt.get()).toMillis());
		}
		Duration total = Duration.between(began, Instant.now());
		System.out.printf(Locale.ROOT, "webhook sent -> new balance on the meter: %s%n", summary(toMeter));
		System.out.printf(Locale.ROOT, "webhook sent -> relay closed at the sandbox: %s%n", summary(toRelay));
		System.out.printf(Locale.ROOT, "%d top-ups in %d s%n", count, total.toSeconds());
	}

	private static Instant webhookSentAt(SystemUnderTest system, String paymentId) {
		for (JsonNode event : system.gateway("GET", "/truth", null).get("events")) {
			if (paymentId.equals(event.path("payment_id").asString(null))
					&& "payment.captured".equals(event.get("event").asString())) {
				for (JsonNode attempt : event.get("attempts")) {
					if ("delivered".equals(attempt.get("outcome").asString())) {
						return Instant.ofEpochMilli(attempt.get("at").asLong());
					}
				}
			}
		}
		throw new IllegalStateException("No delivered payment.captured webhook for " + paymentId);
	}

	private static String summary(List<Long> millis) {
		List<Long> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		return String.format(Locale.ROOT, "p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (n=%d)", percentile(sorted, 50),
				percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1), sorted.size());
	}

	private static long percentile(List<Long> sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

}
