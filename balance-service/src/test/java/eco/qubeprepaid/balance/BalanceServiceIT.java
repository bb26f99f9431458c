package eco.qubeprepaid.balance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import javax.sql.DataSource;

import eco.qubeprepaid.testsupport.ServiceSmokeChecks;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class BalanceServiceIT extends BalanceIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Test
	void startsHealthyOnItsOwnDatabaseAndTheBroker() {
		ServiceSmokeChecks.assertReadyWithDatabaseAndBroker(this.port);
	}

	@Test
	void exposesPrometheusMetricsTaggedWithTheServiceName() {
		ServiceSmokeChecks.assertPrometheusScrape(this.port, "balance-service");
	}

	@Test
	void poolSendsJdbcBatchesAsMultiRowInserts() throws Exception {
		// The ledger's bulk writes rely on it (ADR 0007); a property name the driver does
		// not recognise would silently send one statement per row.
		// A rewritten batch reports SUCCESS_NO_INFO per row; one statement per row
		// reports 1. The driver rewrites in blocks of powers of two, hence four rows.
		try (Connection connection = this.dataSource.getConnection(); Statement create = connection.createStatement()) {
			create.execute("CREATE TEMPORARY TABLE batch_probe (n integer)");
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batch_probe (n) VALUES (?)")) {
				for (int n = 0; n < 4; n++) {
					insert.setInt(1, n);
					insert.addBatch();
				}
				assertThat(insert.executeBatch()).containsOnly(Statement.SUCCESS_NO_INFO);
			}
		}
	}

}
