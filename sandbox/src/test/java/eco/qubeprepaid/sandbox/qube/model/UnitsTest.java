package eco.qubeprepaid.sandbox.qube.model;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact decimals on the wire: at least one decimal place, no scientific notation. */
class UnitsTest {

	@Test
	void writesKwhExactlyWithAtLeastOneDecimal() {
		assertThat(Units.kwh(1_000_000_000L).toPlainString()).isEqualTo("1000.0");
		assertThat(Units.kwh(1_234_560_000L).toPlainString()).isEqualTo("1234.56");
		assertThat(Units.kwh(1L).toPlainString()).isEqualTo("0.000001");
		assertThat(Units.kwh(0L).toPlainString()).isEqualTo("0.0");
		assertThat(Units.tenths(8_500).toPlainString()).isEqualTo("850.0");
		assertThat(Units.tenths(2_305).toPlainString()).isEqualTo("230.5");
	}

	@Test
	void convertsKwhBackToMilliWh() {
		assertThat(Units.milliWh(new BigDecimal("1142.3"))).isEqualTo(1_142_300_000L);
	}

	@Test
	void namesTowersLikeSpreadsheetColumns() {
		assertThat(FleetGenerator.towerLetters(0)).isEqualTo("A");
		assertThat(FleetGenerator.towerLetters(25)).isEqualTo("Z");
		assertThat(FleetGenerator.towerLetters(26)).isEqualTo("AA");
	}

}
