package eco.qubeprepaid.poller;

import eco.qubeprepaid.poller.support.PollerIntegrationTest;
import eco.qubeprepaid.testsupport.ServiceSmokeChecks;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

class PollerServiceIT extends PollerIntegrationTest {

	@Value("${local.server.port}")
	int port;

	@Test
	void startsHealthyOnItsOwnDatabaseAndTheBroker() {
		ServiceSmokeChecks.assertReadyWithDatabaseAndBroker(this.port);
	}

	@Test
	void exposesPrometheusMetricsTaggedWithTheServiceName() {
		ServiceSmokeChecks.assertPrometheusScrape(this.port, "poller-service");
	}

}
