package eco.qubeprepaid.sandbox.gateway.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** 2 % fee plus 18 % GST on the fee, in whole paise, each rounded half-up. */
class FeesTest {

	@Test
	void theContractExampleIs472Of20000() {
		Fees fees = Fees.of(20000);
		assertThat(fees.feeBeforeTax()).isEqualTo(400);
		assertThat(fees.tax()).isEqualTo(72);
		assertThat(fees.total()).isEqualTo(472);
		assertThat(20000 - fees.total()).isEqualTo(19528);
	}

	@Test
	void roundsTheFeeThenTheGstHalfUp() {
		// 125 * 2 % = 2.5 -> 3; 3 * 18 % = 0.54 -> 1
		assertThat(Fees.of(125)).isEqualTo(new Fees(3, 1));
		// 124 * 2 % = 2.48 -> 2; 2 * 18 % = 0.36 -> 0
		assertThat(Fees.of(124)).isEqualTo(new Fees(2, 0));
		// 100 * 2 % = 2; 0.36 -> 0
		assertThat(Fees.of(100)).isEqualTo(new Fees(2, 0));
		// 175 * 2 % = 3.5 -> 4; 4 * 18 % = 0.72 -> 1
		assertThat(Fees.of(175)).isEqualTo(new Fees(4, 1));
		// 13889 * 2 % = 277.78 -> 278; 278 * 18 % = 50.04 -> 50
		assertThat(Fees.of(13889)).isEqualTo(new Fees(278, 50));
		// 2775 * 2 % = 55.5 -> 56; 56 * 18 % = 10.08 -> 10
		assertThat(Fees.of(2775)).isEqualTo(new Fees(56, 10));
		// 25 * 2 % = 0.5 -> 1; 1 * 18 % = 0.18 -> 0
		assertThat(Fees.of(25)).isEqualTo(new Fees(1, 0));
		assertThat(Fees.of(0)).isEqualTo(Fees.NONE);
	}

	@Test
	void theLargestOrderDoesNotOverflow() {
		assertThat(Fees.of(GatewayChoices.MAX_AMOUNT)).isEqualTo(new Fees(1_000_000, 180_000));
		assertThatIllegalArgumentException().isThrownBy(() -> Fees.of(-1));
	}

}
