package eco.qubeprepaid.balance;

import eco.qubeprepaid.testsupport.ServiceSmokeChecks;
import org.junit.jupiter.api.Test;

class BalanceServiceIT extends BalanceIntegrationTest {

	@Test
	void startsHealthyOnItsOwnDatabaseAndTheBroker() {
		ServiceSmokeChecks.assertReadyWithDatabaseAndBroker(this.port);
	}

	@Test
	void exposesPrometheusMetricsTaggedWithTheServiceName() {
		ServiceSmokeChecks.assertPrometheusScrape(this.port, "balance-service");
	}

}
