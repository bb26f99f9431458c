package eco.qubeprepaid.payment.topup.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The top-ups payment-service accepts and where the gateway sends the tenant back.
 *
 * @param minPaise the smallest top-up (default ₹10)
 * @param maxPaise the largest top-up (default ₹50,000)
 * @param multiplePaise top-ups are whole multiples of this (default ₹1)
 * @param returnUrl where the checkout sends the tenant back, {@code {top_up_id}} replaced
 */
@ConfigurationProperties("qp.payment.top-up")
public record TopUpProperties(@DefaultValue("1000") long minPaise, @DefaultValue("5000000") long maxPaise,
		@DefaultValue("100") long multiplePaise,
		@DefaultValue("http://127.0.0.1:8083/portal/top-ups/{top_up_id}") String returnUrl) {

}
