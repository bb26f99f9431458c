package eco.qubeprepaid.balance.ledger.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

	@Test
	void formatsWithIndianDigitGrouping() {
		assertThat(Money.ofPaise(25000)).hasToString("₹250.00");
		assertThat(Money.ofPaise(123456789)).hasToString("₹12,34,567.89");
		assertThat(Money.ofPaise(-50)).hasToString("-₹0.50");
		assertThat(Money.ofPaise(100000005)).hasToString("₹10,00,000.05");
	}

}
