package eco.qubeprepaid.sandbox.gateway.config;

import java.time.Clock;

import eco.qubeprepaid.sandbox.gateway.model.DeliveryPolicy;
import eco.qubeprepaid.sandbox.gateway.model.Gateway;
import eco.qubeprepaid.sandbox.gateway.model.Ids;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the payment gateway simulator: the model on the real (UTC) clock, webhook bodies
 * written by the application's JSON mapper, and the deliverer as its listener.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

	@Bean
	Gateway gateway(GatewayProperties properties, Clock realClock, JsonMapper mapper) {
		return new Gateway(realClock, Ids.of(properties.seed()), properties.startSettings(), mapper::writeValueAsBytes);
	}

	@Bean
	WebhookDeliverer webhookDeliverer(Gateway gateway, GatewayProperties properties) {
		Long seed = properties.seed();
		WebhookDeliverer deliverer = new WebhookDeliverer(gateway, DeliveryPolicy.of((seed != null) ? seed + 1 : null),
				properties.deliveryThreads(), properties.webhookTimeout());
		gateway.setListener(deliverer);
		return deliverer;
	}

	@Bean
	GatewaySimulation gatewaySimulation(GatewayProperties properties, Gateway gateway, WebhookDeliverer deliverer) {
		return new GatewaySimulation(properties, gateway, deliverer);
	}

}
