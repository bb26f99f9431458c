package eco.qubeprepaid.payment.refund.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Refunds ({@code qp.payment.refunds.*}).
 *
 * @param minPaise the smallest refund (the gateway's, ₹1)
 * @param retryAfter a refund whose step failed is tried again after this long
 * @param interval how often the worker looks for such refunds
 * @param overdueAfter a refund not finished after this long counts in the gauge
 * {@code payment.refunds.unfinished}
 */
@ConfigurationProperties("qp.payment.refunds")
public record RefundProperties(@DefaultValue("100") long minPaise, @DefaultValue("10s") Duration retryAfter,
		@DefaultValue("15s") Duration interval, @DefaultValue("15m") Duration overdueAfter) {
}
