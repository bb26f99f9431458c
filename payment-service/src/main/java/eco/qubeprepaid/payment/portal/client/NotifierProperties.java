package eco.qubeprepaid.payment.portal.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where notifier-service is: the portal's sign-in codes are sent through it.
 *
 * @param baseUrl notifier-service's root
 * @param username payment-service's service account there
 * @param password its password
 * @param timeout connect and read timeout
 */
@ConfigurationProperties("qp.payment.notifier")
public record NotifierProperties(@DefaultValue("http://127.0.0.1:8084") URI baseUrl,
		@DefaultValue("svc-payment") String username, @DefaultValue("") String password,
		@DefaultValue("3s") Duration timeout) {

}
