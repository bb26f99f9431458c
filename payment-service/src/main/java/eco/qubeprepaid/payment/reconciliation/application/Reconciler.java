package eco.qubeprepaid.payment.reconciliation.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import eco.qubeprepaid.payment.gateway.client.GatewayClient;
import eco.qubeprepaid.payment.gateway.client.GatewayException;
import eco.qubeprepaid.payment.gateway.domain.GatewayPayment;
import eco.qubeprepaid.payment.topup.application.Settlement;
import eco.qubeprepaid.payment.topup.domain.TopUp;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Every {@code qp.payment.reconciliation.interval}, the top-ups unsettled for longer than
 * {@code after} are looked up at the gateway, and what it captured is settled through the
 * same idempotent path as a webhook. A gateway that cannot be reached is tried again next
 * round; nothing is given up on.
 */
@Service
public class Reconciler {

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

	private final Settlement settlement;

	private final GatewayClient gateway;

	private final ReconciliationProperties properties;

	private final Clock clock;

	private final MeterRegistry registry;

	public Reconciler(Settlement settlement, GatewayClient gateway, ReconciliationProperties properties, Clock clock,
			MeterRegistry registry) {
		this.settlement = settlement;
		this.gateway = gateway;
		this.properties = properties;
		this.clock = clock;
		this.registry = registry;
		// At zero from the start: the panels and alerts read 0, not "no data".
		registry.counter("payment.reconciliation.deferred");
		registry.counter("payment.reconciliation.credited");
	}

	/** One round, on the configured interval. */
	@Scheduled(fixedDelayString = "${qp.payment.reconciliation.interval:1m}",
			initialDelayString = "${qp.payment.reconciliation.interval:1m}")
	public void scheduled() {
		reconcileOnce();
	}

	/**
	 * Looks up one batch of unsettled top-ups.
	 * @return how many payments were credited
	 */
	public int reconcileOnce() {
		Instant now = this.clock.instant();
		List<TopUp> due = this.settlement.unsettledBefore(now.minus(this.properties.after()),
				this.properties.batchSize());
		Instant expireBefore = now.minus(this.properties.expireAfter());
		int credited = 0;
		for (TopUp topUp : due) {
			try {
				List<GatewayPayment> payments = (topUp.orderId() != null) ? this.gateway.paymentsOf(topUp.orderId())
						: List.of();
				credited += this.settlement.reconcile(topUp, payments, expireBefore);
			}
			catch (GatewayException ex) {
				log.warn("Reconciliation of top-up {} deferred: {}", topUp.topUpId(), ex.getMessage());
				this.registry.counter("payment.reconciliation.deferred").increment();
			}
		}
		if (credited > 0) {
			log.info("Reconciliation credited {} payment(s) whose webhook had not arrived", credited);
			this.registry.counter("payment.reconciliation.credited").increment(credited);
		}
		return credited;
	}

}
