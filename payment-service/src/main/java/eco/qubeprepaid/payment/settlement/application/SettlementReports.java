package eco.qubeprepaid.payment.settlement.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import eco.qubeprepaid.payment.audit.application.AuditTrail;
import eco.qubeprepaid.payment.errors.Refusal;
import eco.qubeprepaid.payment.gateway.client.GatewayClient;
import eco.qubeprepaid.payment.gateway.client.GatewayClient.SettlementLine;
import eco.qubeprepaid.payment.gateway.client.GatewayException;
import eco.qubeprepaid.payment.gateway.domain.GatewayPayment;
import eco.qubeprepaid.payment.settlement.domain.SettlementComparison;
import eco.qubeprepaid.payment.topup.application.Settlement;
import eco.qubeprepaid.service.time.Ist;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily settlement report against the gateway's: every night (03:00 IST) yesterday's
 * report is fetched and compared payment for payment with what was recorded here; a
 * payment the gateway settled and payment-service missed is fetched and credited through
 * the same idempotent path as a webhook. The gauge {@value #GAUGE} holds the last day's
 * discrepancies left after that.
 */
@Service
public class SettlementReports {

	/** Discrepancies of the last day compared, after reconciling. */
	public static final String GAUGE = "payment.settlement.discrepancies";

	private static final Logger log = LoggerFactory.getLogger(SettlementReports.class);

	private final GatewayClient gateway;

	private final Settlement settlement;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AtomicLong lastDiscrepancies = new AtomicLong();

	public SettlementReports(GatewayClient gateway, Settlement settlement, AuditTrail audit,
			TransactionTemplate transactions, Clock clock, MeterRegistry registry) {
		this.gateway = gateway;
		this.settlement = settlement;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		Gauge.builder(GAUGE, this.lastDiscrepancies, AtomicLong::get)
			.description("Payments on which the last day's settlement report and payment-service disagree")
			.register(registry);
	}

	/**
	 * Compares one IST day, changing nothing.
	 * @param day the day
	 * @return the comparison
	 * @throws Refusal 400 for a day in the future, 503 if the gateway cannot be reached
	 */
	public SettlementComparison compare(LocalDate day) {
		return compare(day, report(day));
	}

	private List<SettlementLine> report(LocalDate day) {
		if (day.isAfter(Ist.date(this.clock.instant()))) {
			throw Refusal.badRequest("Day in the future", day + " has not happened yet (IST)");
		}
		try {
			return this.gateway.settlementReport(day);
		}
		catch (GatewayException ex) {
			throw new Refusal(503, "Payment gateway unavailable", ex.getMessage());
		}
	}

	/** The gateway's report of the day beside what is recorded here now. */
	private SettlementComparison compare(LocalDate day, List<SettlementLine> lines) {
		Instant from = day.atStartOfDay(Ist.ZONE).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(Ist.ZONE).toInstant();
		Map<String, Long> recorded = this.settlement.capturedBetween(from, to);
		Map<String, Long> settled = new HashMap<>();
		int refunds = 0;
		long refundPaise = 0;
		for (SettlementLine line : lines) {
			if ("payment".equals(line.type())) {
				settled.put(line.entityId(), line.amountPaise());
			}
			else if ("refund".equals(line.type())) {
				refunds++;
				refundPaise += line.amountPaise();
			}
		}
		List<String> missingHere = new ArrayList<>();
		List<String> mismatches = new ArrayList<>();
		settled.forEach((payment, amount) -> {
			Long ours = recorded.get(payment);
			if (ours == null) {
				missingHere.add(payment);
			}
			else if (ours.longValue() != amount) {
				mismatches.add(payment);
			}
		});
		List<String> missingAtGateway = recorded.keySet().stream().filter((p) -> !settled.containsKey(p)).toList();
		missingHere.sort(null);
		mismatches.sort(null);
		return new SettlementComparison(day, settled.size(), settled.values().stream().mapToLong(Long::longValue).sum(),
				refunds, refundPaise, recorded.size(), recorded.values().stream().mapToLong(Long::longValue).sum(),
				List.copyOf(missingHere), missingAtGateway.stream().sorted().toList(), List.copyOf(mismatches));
	}

	/**
	 * Compares one IST day and credits, through the idempotent path, every payment the
	 * gateway settled that payment-service missed; audited.
	 * @param day the day
	 * @param actor who asks ({@code system} for the nightly run)
	 * @param actorKind the actor's kind
	 * @return the comparison after reconciling, and how many were credited
	 */
	public Reconciled reconcile(LocalDate day, String actor, String actorKind) {
		// One fetch of the gateway's report serves both comparisons: only our side
		// changes.
		List<SettlementLine> lines = report(day);
		SettlementComparison before = compare(day, lines);
		Set<String> orders = new LinkedHashSet<>();
		for (SettlementLine line : lines) {
			if ("payment".equals(line.type()) && before.missingHere().contains(line.entityId())) {
				orders.add(line.orderId());
			}
		}
		int credited = 0;
		for (String order : orders) {
			List<GatewayPayment> payments = this.gateway.paymentsOf(order);
			credited += this.settlement.settleReported(payments);
		}
		SettlementComparison after = compare(day, lines);
		int creditedNow = credited;
		this.transactions.executeWithoutResult((status) -> this.audit.record(actor, actorKind, "settlement.reconcile",
				"settlement:" + day, null,
				"credited " + creditedNow + " missed payment(s); " + after.discrepancies() + " discrepancies left"));
		this.lastDiscrepancies.set(after.discrepancies());
		if (!after.matches()) {
			log.warn(
					"Settlement of {} still disagrees with the gateway: {} missing here, {} missing at the gateway, "
							+ "{} amounts differ",
					day, after.missingHere().size(), after.missingAtGateway().size(), after.amountMismatches().size());
		}
		return new Reconciled(after, credited);
	}

	/** Every night at 03:00 IST: yesterday. */
	@Scheduled(cron = "${qp.payment.settlement.cron:0 0 3 * * *}", zone = "Asia/Kolkata")
	public void nightly() {
		LocalDate yesterday = Ist.date(this.clock.instant()).minusDays(1);
		try {
			Reconciled result = reconcile(yesterday, "system", "SYSTEM");
			log.info("Settlement of {}: {} payments at the gateway, {} here, {} credited now", yesterday,
					result.comparison().gatewayPayments(), result.comparison().recordedPayments(), result.credited());
		}
		catch (RuntimeException ex) {
			log.warn("Settlement of {} not checked: {}", yesterday, ex.getMessage());
		}
	}

	/**
	 * A reconciled day.
	 *
	 * @param comparison the comparison after reconciling
	 * @param credited how many missed payments were credited now
	 */
	public record Reconciled(SettlementComparison comparison, int credited) {
	}

}
