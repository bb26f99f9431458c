package eco.qubeprepaid.service;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * What every Qube Prepaid service shares beyond Boot's own auto-configuration: a broker
 * health check named {@code kafka} for the readiness group.
 */
@AutoConfiguration
public class ServicePlatformAutoConfiguration {

	@Bean(name = "kafkaHealthIndicator")
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaBrokerHealthIndicator kafkaHealthIndicator(KafkaProperties kafkaProperties) {
		return new KafkaBrokerHealthIndicator(kafkaProperties.buildAdminProperties(), Duration.ofSeconds(3));
	}

}
