package eco.qubeprepaid.balance;

import java.time.Clock;

import eco.qubeprepaid.balance.metering.domain.Metering;
import eco.qubeprepaid.balance.metering.domain.MeteringLimits;
import eco.qubeprepaid.events.EventCodec;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the domain objects of balance-service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BalanceProperties.class)
public class BalanceConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	EventCodec eventCodec() {
		return new EventCodec();
	}

	@Bean
	Metering metering(BalanceProperties properties) {
		return new Metering(new MeteringLimits(properties.maxPowerKw(), properties.toleranceKwh()));
	}

}
