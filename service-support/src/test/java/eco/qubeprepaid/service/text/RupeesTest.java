package eco.qubeprepaid.service.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RupeesTest {

	@Test
	void writesPaiseAsRupeesWithTwoDecimalsAndIndianGrouping() {
		assertThat(Rupees.format(0)).isEqualTo("₹0.00");
		assertThat(Rupees.format(5)).isEqualTo("₹0.05");
		assertThat(Rupees.format(50000)).isEqualTo("₹500.00");
		assertThat(Rupees.format(123456789)).isEqualTo("₹12,34,567.89");
		assertThat(Rupees.format(-1050)).isEqualTo("-₹10.50");
	}

}
