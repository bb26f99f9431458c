package eco.qubeprepaid.payment.reconciliation.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How payment-service catches up with payments whose webhook never came.
 *
 * @param after a top-up unsettled for this long is looked up at the gateway (default 15
 * minutes)
 * @param expireAfter a top-up with nothing captured after this long is closed (default 24
 * hours; a payment captured later is still credited by its webhook)
 * @param interval how often to look (default 1 minute)
 * @param batchSize the most top-ups looked up per round
 */
@ConfigurationProperties("qp.payment.reconciliation")
public record ReconciliationProperties(@DefaultValue("15m") Duration after, @DefaultValue("24h") Duration expireAfter,
		@DefaultValue("1m") Duration interval, @DefaultValue("100") int batchSize) {

}
