package eco.qubeprepaid.sandbox.qube.config;

import java.time.Clock;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.PropertyNamingStrategies;

/** Wires the simulation and the JSON conventions of the sandbox. */
@Configuration(proxyBeanMethods = false)
public class QubeSimulationConfiguration {

	/** Real time is UTC; every IST conversion names its zone explicitly. */
	@Bean
	Clock realClock() {
		return Clock.systemUTC();
	}

	@Bean
	QubeSimulation qubeSimulation(QubeProperties properties, Clock realClock) {
		return new QubeSimulation(properties, realClock);
	}

	/**
	 * Snake_case names for every record the sandbox writes, and decimals always in plain
	 * notation (1000.0, never 1E+3).
	 */
	@Bean
	JsonMapperBuilderCustomizer sandboxJsonConventions() {
		return (builder) -> builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
	}

}
