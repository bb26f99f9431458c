package eco.qubeprepaid.payment.gateway.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the payment gateway is and how payment-service authenticates to it and it to
 * payment-service. The defaults are the sandbox's simulator; production sets the real
 * gateway's URL and credentials ({@code QP_GATEWAY_*}).
 *
 * @param name the gateway's name, carried in {@code TopUpCaptured}
 * @param baseUrl the gateway's API root ({@code /v1/...} below it)
 * @param checkoutUrl the hosted checkout page of an order, {@code {order_id}} replaced
 * @param keyId the API key id (HTTP Basic user)
 * @param keySecret the API key secret (HTTP Basic password)
 * @param webhookSecrets the webhook secrets accepted, the current one first; during a
 * rotation the old one follows it
 * @param timeout connect and read timeout of each call
 */
@ConfigurationProperties("qp.payment.gateway")
public record GatewayProperties(@DefaultValue("razorpay") String name,
		@DefaultValue("http://127.0.0.1:8090") URI baseUrl,
		@DefaultValue("http://127.0.0.1:8090/checkout/{order_id}") String checkoutUrl,
		@DefaultValue("rzp_test_sandbox") String keyId, @DefaultValue("sandbox-key-secret") String keySecret,
		@DefaultValue("sandbox-webhook-secret") List<String> webhookSecrets, @DefaultValue("5s") Duration timeout) {

	/**
	 * @param orderId an order
	 * @return its checkout page
	 */
	public String checkoutOf(String orderId) {
		return this.checkoutUrl.replace("{order_id}", orderId);
	}

}
