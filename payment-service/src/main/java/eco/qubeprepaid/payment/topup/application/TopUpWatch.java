package eco.qubeprepaid.payment.topup.application;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the step between a captured payment and the ledger's credit: the gauge
 * {@value #STUCK_GAUGE} counts captured payments the ledger has not confirmed within
 * {@code qp.payment.credit-overdue-after} (2 minutes by default), the alert's input. The
 * steps after it (the meter, the relay) are balance-service's, which reports a paid
 * premise still off as {@code SupplyRestoreOverdue} and its own metrics.
 */
@Component
public class TopUpWatch {

	/** Captured payments the ledger has not confirmed in time. */
	public static final String STUCK_GAUGE = "payment.top-ups.credit.overdue";

	private static final Logger log = LoggerFactory.getLogger(TopUpWatch.class);

	private final Settlement settlement;

	private final Clock clock;

	private final Duration overdueAfter;

	private final AtomicLong overdue = new AtomicLong();

	TopUpWatch(Settlement settlement, Clock clock, MeterRegistry registry,
			@Value("${qp.payment.credit-overdue-after:2m}") Duration overdueAfter) {
		this.settlement = settlement;
		this.clock = clock;
		this.overdueAfter = overdueAfter;
		Gauge.builder(STUCK_GAUGE, this.overdue, AtomicLong::get)
			.description("Captured payments whose credit the ledger has not confirmed within the overdue bound")
			.register(registry);
	}

	/**
	 * Counts the overdue credits now (every {@code qp.payment.credit-watch-interval}).
	 */
	@Scheduled(fixedDelayString = "${qp.payment.credit-watch-interval:15s}")
	public void check() {
		long count = this.settlement.uncreditedBefore(this.clock.instant().minus(this.overdueAfter));
		if (count > 0 && this.overdue.get() == 0) {
			log.warn("{} captured payment(s) not credited by the ledger within {}", count, this.overdueAfter);
		}
		this.overdue.set(count);
	}

}
