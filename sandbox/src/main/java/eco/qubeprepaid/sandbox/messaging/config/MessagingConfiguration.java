package eco.qubeprepaid.sandbox.messaging.config;

import java.time.Clock;

import eco.qubeprepaid.sandbox.messaging.model.Messenger;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the messaging provider simulator: the model on the real (UTC) clock, receipt
 * bodies written by the application's JSON mapper, and the receipt deliverer as its
 * listener.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

	@Bean
	Messenger messenger(MessagingProperties properties, Clock realClock) {
		return new Messenger(realClock, properties.seed(), properties.startSettings());
	}

	@Bean
	ReceiptDeliverer receiptDeliverer(Messenger messenger, MessagingProperties properties, JsonMapper mapper) {
		ReceiptDeliverer deliverer = new ReceiptDeliverer(messenger, properties.receiptPolicy(),
				properties.receiptSecret(), mapper::writeValueAsBytes);
		messenger.setListener(deliverer);
		return deliverer;
	}

	@Bean
	MessagingSimulation messagingSimulation(MessagingProperties properties, Messenger messenger,
			ReceiptDeliverer deliverer, MeterRegistry registry) {
		return new MessagingSimulation(properties, messenger, deliverer, registry);
	}

}
