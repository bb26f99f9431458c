package eco.qubeprepaid.balance.policy.application;

import java.time.Clock;

import eco.qubeprepaid.balance.BalanceProperties;
import eco.qubeprepaid.balance.policy.domain.CutoffPolicy;
import eco.qubeprepaid.balance.policy.domain.MeterCredits;
import eco.qubeprepaid.balance.policy.domain.Reconciliation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the policy's domain objects from the service settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyProperties.class)
public class PolicyConfiguration {

	@Bean
	CutoffPolicy cutoffPolicy(PolicyProperties properties, BalanceProperties balance, Clock clock) {
		return new CutoffPolicy(new CutoffPolicy.Settings(properties.staleness(), balance.maxClockSkew(),
				properties.commandTtl(), properties.restoreOverdueAfter()), clock);
	}

	@Bean
	Reconciliation reconciliation(PolicyProperties properties) {
		return new Reconciliation(properties.syncThresholdPaise(), properties.syncInterval(),
				properties.driftThresholdPaise());
	}

	@Bean
	MeterCredits meterCredits(PolicyProperties properties) {
		return new MeterCredits(properties.meterCreditMinimumPaise());
	}

}
