package eco.qubeprepaid.notifier.notice.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.BalanceDebited;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandCompleted;
import eco.qubeprepaid.events.DeviceCommandFailed;
import eco.qubeprepaid.events.TariffKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticePlannerTest {

	private static final Instant AT = Instant.parse("2026-12-07T08:35:00Z");

	private final NoticePlanner planner = new NoticePlanner();

	@Test
	void aCommandIsToldOnceWhateverEventCarriesItsOutcome() {
		UUID command = UUID.randomUUID();
		NoticeDraft first = this.planner
			.plan(new DeviceCommandCompleted(UUID.randomUUID(), AT, "P", command, DeviceCommand.RELAY_OFF, "d", false,
					0L, 1))
			.orElseThrow();
		NoticeDraft again = this.planner
			.plan(new DeviceCommandCompleted(UUID.randomUUID(), AT, "P", command, DeviceCommand.RELAY_OFF, "d", false,
					0L, 2))
			.orElseThrow();
		assertThat(first.kind()).isEqualTo(NoticeKind.CUTOFF_DONE);
		assertThat(first.kind().urgency()).isEqualTo(Urgency.URGENT);
		assertThat(again.dedupeKey()).isEqualTo(first.dedupeKey()).isEqualTo(command);
	}

	@Test
	void nobodyIsToldOfEnergyDebitsBalanceSetsOnboardingOrASupersededCommand() {
		assertThat(this.planner.plan(new DeviceCommandCompleted(UUID.randomUUID(), AT, "P", UUID.randomUUID(),
				DeviceCommand.SET_BALANCE, "d", true, 100L, 1)))
			.isEmpty();
		assertThat(this.planner.plan(
				new BalanceCredited(UUID.randomUUID(), AT, "P", "opening:P", 100, 100, BalanceCredited.SOURCE_OPENING)))
			.isEmpty();
		assertThat(this.planner.plan(new DeviceCommandFailed(UUID.randomUUID(), AT, "P", UUID.randomUUID(),
				DeviceCommand.RELAY_OFF, "d", NoticePlanner.SUPERSEDED, "newer command", 0)))
			.isEmpty();
		assertThat(this.planner.plan(sampleDebit())).isEmpty();
	}

	@Test
	void aLowBalanceRungWaitsForQuietHoursButAPaymentDoesNot() {
		assertThat(NoticeKind.LOW_BALANCE.urgency()).isEqualTo(Urgency.NORMAL);
		assertThat(NoticeKind.TOP_UP_RECEIVED.urgency()).isEqualTo(Urgency.URGENT);
		assertThat(NoticeKind.CUTOFF_DONE.urgency()).isEqualTo(Urgency.URGENT);
	}

	private static BalanceDebited sampleDebit() {
		return new BalanceDebited(UUID.randomUUID(), AT, "P", UUID.randomUUID(), new BigDecimal("0.125"), TariffKind.EB,
				800, 100, 1000);
	}

}
