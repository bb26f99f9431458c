package eco.qubeprepaid.poller.qube;

import java.time.Clock;
import java.time.ZoneId;

import eco.qubeprepaid.qube.client.budget.RateBudgetRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Qube egress: the process-wide rate budgets, one client per key and the clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ QubeEgressProperties.class, PollerProperties.class })
public class QubeConfiguration {

	/** The time zone of every meter timestamp the poller publishes. */
	public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(IST);
	}

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
