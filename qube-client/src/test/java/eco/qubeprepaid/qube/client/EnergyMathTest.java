package eco.qubeprepaid.qube.client;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import eco.qubeprepaid.qube.client.model.History;

import static org.assertj.core.api.Assertions.assertThat;

class EnergyMathTest {

	@Test
	void seedHistoryGivesTheSixDailyConsumptionsAndTheWeeklyTotalExactly() throws IOException {
		History history = QubeJson.history(QubeJson.parseEnvelope(seedHistory()).data());

		assertThat(history.fromDate()).isEqualTo(LocalDate.of(2025, 9, 1));
		assertThat(history.toDate()).isEqualTo(LocalDate.of(2025, 9, 7));
		assertThat(EnergyMath.consumptions(history.readings())).containsExactly(new BigDecimal("25.5"),
				new BigDecimal("22.7"), new BigDecimal("25.6"), new BigDecimal("21.3"), new BigDecimal("23.6"),
				new BigDecimal("23.6"));
		assertThat(EnergyMath.consumption(history.readings())).isEqualTo(new BigDecimal("142.3"));
		BigDecimal sumOfDays = EnergyMath.consumptions(history.readings())
			.stream()
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(sumOfDays).isEqualTo(new BigDecimal("142.3"));
	}

	@Test
	void fewerThanTwoReadingsConsumeNothing() throws IOException {
		History history = QubeJson.history(QubeJson.parseEnvelope(seedHistory()).data());
		assertThat(EnergyMath.consumption(history.readings().subList(0, 1))).isZero();
		assertThat(EnergyMath.consumptions(history.readings().subList(0, 1))).isEmpty();
	}

	static String seedHistory() throws IOException {
		try (InputStream in = EnergyMathTest.class.getResourceAsStream("/seed-history.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
