package eco.qubeprepaid.payment;

import eco.qubeprepaid.testsupport.ServiceSmokeChecks;
import eco.qubeprepaid.testsupport.TestServers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentServiceIT {

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		TestServers.register(registry, "payment");
	}

	@Test
	void startsHealthyOnItsOwnDatabaseAndTheBroker() {
		ServiceSmokeChecks.assertReadyWithDatabaseAndBroker(this.port);
	}

	@Test
	void exposesPrometheusMetricsTaggedWithTheServiceName() {
		ServiceSmokeChecks.assertPrometheusScrape(this.port, "payment-service");
	}

}
