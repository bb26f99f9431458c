package eco.qubeprepaid.balance;

import eco.qubeprepaid.balance.metering.domain.Metering;
import eco.qubeprepaid.balance.metering.domain.MeteringLimits;
import eco.qubeprepaid.balance.work.EventOutbox;
import eco.qubeprepaid.service.outbox.Outbox;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the domain objects of balance-service. The clock, the event codec, the decoder,
 * the error handler and the outbox are the platform's (service-support).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BalanceProperties.class)
public class BalanceConfiguration {

	@Bean
	EventOutbox eventOutbox(Outbox outbox) {
		return outbox::append;
	}

	@Bean
	Metering metering(BalanceProperties properties) {
		return new Metering(new MeteringLimits(properties.maxPowerKw(), properties.toleranceKwh()));
	}

}
