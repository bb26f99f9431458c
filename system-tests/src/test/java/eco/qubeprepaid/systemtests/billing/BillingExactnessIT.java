package eco.qubeprepaid.systemtests.billing;

import java.time.Duration;

import eco.qubeprepaid.systemtests.support.SystemUnderTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, must-show 1: on an accelerated clock, with 56 meters under two API keys, a
 * generator (DG) run, a meter replacement, a register reset, an offline spell and a
 * tariff change, every premise's debits in the ledger equal the sandbox's ground truth to
 * the paisa, and still do after every snapshot has been delivered a second time. The
 * scenario and why its boundaries are controlled: {@link BillingScenario}.
 */
class BillingExactnessIT {

	@Test
	void debitsEqualTheGroundTruthToThePaisaAcrossDgRunsReplacementResetOfflineAndTariffChangeEvenWhenEverySnapshotArrivesTwice() {
		BillingScenario scenario = new BillingScenario(SystemUnderTest.get(), 2025, 56, 4, Duration.ofSeconds(90),
				SystemUnderTest.MAX_SPEED);
		scenario.run((stretch) -> {
		});
		BillingScenario.Comparison once = scenario.compare();
		scenario.report("delivered once", once);

		scenario.redeliverEverySnapshot();
		BillingScenario.Comparison twice = scenario.compare();
		scenario.report("every snapshot delivered twice", twice);

		assertThat(once.mismatches()).as("premises whose ledger differs from the ground truth").isEmpty();
		assertThat(once.paiseCompared()).as("paise compared").isPositive();
		assertThat(once.dgPaise()).as("generator charges in the scenario").isPositive();
		assertThat(twice.mismatches()).as("premises that differ after the re-delivery").isEmpty();
		assertThat(twice.ledger()).as("ledger totals after the re-delivery").isEqualTo(once.ledger());
	}

}
