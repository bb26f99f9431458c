package eco.qubeprepaid.payment.refund.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.payment.refund.persistence.RefundStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes again the step of every refund that stopped short (balance-service or the gateway
 * unavailable, a crash between steps), and publishes the gauge
 * {@code payment.refunds.unfinished}: refunds still not finished after
 * {@code qp.payment.refunds.overdue-after}.
 */
@Component
public class RefundWorker {

	/** The gauge of refunds unfinished for too long. */
	public static final String UNFINISHED = "payment.refunds.unfinished";

	private static final int BATCH = 100;

	private final RefundStore store;

	private final Refunds refunds;

	private final RefundProperties properties;

	private final Clock clock;

	public RefundWorker(RefundStore store, Refunds refunds, RefundProperties properties, Clock clock,
			MeterRegistry registry) {
		this.store = store;
		this.refunds = refunds;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder(UNFINISHED, this, RefundWorker::unfinished)
			.description("Refunds not finished (wallet debit, gateway, or reversal) after the overdue time")
			.register(registry);
	}

	/** One round: every refund whose step is due again. */
	@Scheduled(fixedDelayString = "${qp.payment.refunds.interval:15s}",
			initialDelayString = "${qp.payment.refunds.interval:15s}")
	public void round() {
		List<UUID> due = this.store.unfinishedBefore(this.clock.instant().minus(this.properties.retryAfter()), BATCH);
		due.forEach(this.refunds::advance);
	}

	private double unfinished() {
		try {
			return this.store.unfinishedCount(this.clock.instant().minus(this.properties.overdueAfter()));
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
