package eco.qubeprepaid.poller.qube;

import eco.qubeprepaid.qube.client.budget.RateBudgetRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Qube egress: the process-wide rate budgets and one client per key. The clock
 * is the platform's (service-support), in India Standard Time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ QubeEgressProperties.class, PollerProperties.class })
public class QubeConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RateBudgetRegistry rateBudgetRegistry() {
		// One budget per key for the whole process, whoever builds a client for it.
		return RateBudgetRegistry.shared();
	}

	@Bean
	QubeClients qubeClients(QubeEgressProperties properties, RateBudgetRegistry budgets, MeterRegistry meters) {
		return new QubeClients(properties, budgets, meters);
	}

}
