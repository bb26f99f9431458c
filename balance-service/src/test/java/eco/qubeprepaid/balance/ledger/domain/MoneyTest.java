package eco.qubeprepaid.balance.ledger.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

	@Test
	void formatsWithIndianDigitGrouping() {
		assertThat(Money.ofPaise(25000)).hasToString("₹250.00");
		assertThat(Money.ofPaise(123456789)).hasToString("₹12,34,567.89");
		assertThat(Money.ofPaise(-50)).hasToString("-₹0.50");
		assertThat(Money.ofPaise(100000005)).hasToString("₹10,00,000.05");
	}

	@Test
	void addsAndSubtractsExactly() {
		assertThat(Money.ofPaise(10).plus(Money.ofPaise(-25))).isEqualTo(Money.ofPaise(-15));
		assertThat(Money.ofPaise(10).minus(Money.ofPaise(25)).isNegative()).isTrue();
		assertThat(Money.ZERO.compareTo(Money.ofPaise(1))).isNegative();
	}

	@Test
	void refusesToOverflow() {
		assertThatThrownBy(() -> Money.ofPaise(Long.MAX_VALUE).plus(Money.ofPaise(1)))
			.isInstanceOf(ArithmeticException.class);
	}

}
