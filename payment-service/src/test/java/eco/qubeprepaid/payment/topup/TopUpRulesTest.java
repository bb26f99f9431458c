package eco.qubeprepaid.payment.topup;

import eco.qubeprepaid.payment.topup.domain.AmountRules;
import eco.qubeprepaid.service.text.Rupees;
import eco.qubeprepaid.payment.topup.domain.TopUpStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopUpRulesTest {

	@Test
	void statusesOnlyMoveForwardAndACaptureIsAlwaysAccepted() {
		assertThat(TopUpStatus.NEW.canMoveTo(TopUpStatus.OPEN)).isTrue();
		assertThat(TopUpStatus.OPEN.canMoveTo(TopUpStatus.FAILED)).isTrue();
		assertThat(TopUpStatus.FAILED.canMoveTo(TopUpStatus.CAPTURED)).isTrue();
		assertThat(TopUpStatus.EXPIRED.canMoveTo(TopUpStatus.CAPTURED)).isTrue();
		assertThat(TopUpStatus.CAPTURED.canMoveTo(TopUpStatus.FAILED)).isFalse();
		assertThat(TopUpStatus.CAPTURED.canMoveTo(TopUpStatus.CAPTURED)).isFalse();
		assertThat(TopUpStatus.CAPTURED.canMoveTo(TopUpStatus.EXPIRED)).isFalse();
		assertThat(TopUpStatus.OPEN.canMoveTo(TopUpStatus.NEW)).isFalse();
		assertThat(TopUpStatus.FAILED.canMoveTo(TopUpStatus.OPEN)).isFalse();
	}

	@Test
	void amountsAreCheckedAgainstLimitsAndTheStep() {
		AmountRules rules = new AmountRules(1000, 5_000_000, 100);

		assertThat(rules.problemWith(1000)).isEmpty();
		assertThat(rules.problemWith(5_000_000)).isEmpty();
		assertThat(rules.problemWith(999)).hasValueSatisfying((p) -> assertThat(p).contains("between"));
		assertThat(rules.problemWith(5_000_100)).isPresent();
		assertThat(rules.problemWith(1050)).hasValueSatisfying((p) -> assertThat(p).contains("multiple of ₹1.00"));
		assertThatIllegalArgumentException().isThrownBy(() -> new AmountRules(0, 10, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new AmountRules(100, 10, 1));
	}

	@Test
	void rupeesUseIndianGrouping() {
		assertThat(Rupees.format(0)).isEqualTo("₹0.00");
		assertThat(Rupees.format(20000)).isEqualTo("₹200.00");
		assertThat(Rupees.format(123456)).isEqualTo("₹1,234.56");
		assertThat(Rupees.format(5_000_000)).isEqualTo("₹50,000.00");
		assertThat(Rupees.format(1_234_567_89)).isEqualTo("₹12,34,567.89");
		assertThat(Rupees.format(-150)).isEqualTo("-₹1.50");
	}

}
