package eco.qubeprepaid.payment.wallet.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where balance-service is: the portal reads balances, usage and the relay's state from
 * its API (the ledger's data, never a Qube call per page view).
 *
 * @param baseUrl balance-service's root
 * @param username the account payment-service uses with balance-service's operator API
 * (read-only), or empty when it needs none
 * @param password its password
 * @param timeout connect and read timeout of each call
 */
@ConfigurationProperties("qp.payment.balance")
public record BalanceServiceProperties(@DefaultValue("http://127.0.0.1:8082") URI baseUrl,
		@DefaultValue("") String username, @DefaultValue("") String password, @DefaultValue("3s") Duration timeout) {

}
