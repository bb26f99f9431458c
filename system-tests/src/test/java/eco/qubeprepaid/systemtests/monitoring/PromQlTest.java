package eco.qubeprepaid.systemtests.monitoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

	@Test
	void anAlertMeasuresEachOperandWithoutItsThreshold() {
		assertThat(PromQl.measures("max by (key) (qube_api_budget_remaining) == 0 and max by (key) "
				+ "(qube_api_budget_queue{priority=\"COMMAND\"}) > 0"))
			.containsExactly("max by (key) (qube_api_budget_remaining)",
					"max by (key) (qube_api_budget_queue{priority=\"COMMAND\"})");
		assertThat(PromQl.measures("up{job=\"qube-prepaid\"} == 0")).containsExactly("up{job=\"qube-prepaid\"}");
	}

	@Test
	void aPanelMeasuresWhatItsZeroFallbackWouldHide() {
		assertThat(PromQl.measures("sum(increase(policy_cutoff_requested_total[15m])) or on() vector(0)"))
			.containsExactly("sum(increase(policy_cutoff_requested_total[15m]))");
	}

	@Test
	void operatorsInsideParenthesesOrLabelValuesAreLeftAlone() {
		assertThat(PromQl.measures("sum(a_total{outcome=~\"x and y|z\"}) / sum(b_total or c_total)"))
			.containsExactly("sum(a_total{outcome=~\"x and y|z\"}) / sum(b_total or c_total)");
	}

}
