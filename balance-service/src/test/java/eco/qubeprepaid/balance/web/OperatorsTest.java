package eco.qubeprepaid.balance.web;

import java.security.Principal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorsTest {

	private final Principal account = () -> "ops-money";

	@Test
	void theAuthenticatedAccountIsAlwaysRecordedWithThePersonTheRequestNames() {
		assertThat(Operators.of(this.account, "alice")).isEqualTo("alice (ops-money)");
		assertThat(Operators.of(this.account, "  alice ")).isEqualTo("alice (ops-money)");
		assertThat(Operators.of(this.account, null)).isEqualTo("ops-money");
		assertThat(Operators.of(this.account, " ")).isEqualTo("ops-money");
		assertThat(Operators.of(this.account, "ops-money")).isEqualTo("ops-money");
	}

}
