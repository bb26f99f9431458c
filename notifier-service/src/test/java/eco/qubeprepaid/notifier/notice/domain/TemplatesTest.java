package eco.qubeprepaid.notifier.notice.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.BalanceDriftDetected;
import eco.qubeprepaid.events.BalanceWithdrawn;
import eco.qubeprepaid.events.CutoffScheduled;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandCompleted;
import eco.qubeprepaid.events.DeviceCommandFailed;
import eco.qubeprepaid.events.DeviceIdentityMissing;
import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.LowBalanceReached;
import eco.qubeprepaid.events.MeterOffline;
import eco.qubeprepaid.events.ReadingQuarantined;
import eco.qubeprepaid.events.SupplyRestoreOverdue;
import eco.qubeprepaid.events.TopUpFailed;
import eco.qubeprepaid.notifier.channel.domain.ChannelName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TemplatesTest {

	private static final Instant AT = Instant.parse("2026-12-07T08:35:00Z");

	private static final String PREMISE = "Tower-A.Floor-01.Flat-101";

	private final Templates templates = new Templates();

	private final NoticePlanner planner = new NoticePlanner();

	static List<DomainEvent> events() {
		OffsetDateTime observed = OffsetDateTime.of(2026, 12, 7, 14, 5, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
		return List.of(new LowBalanceReached(UUID.randomUUID(), AT, PREMISE, "30%", 30000, 29950),
				new DeviceCommandCompleted(UUID.randomUUID(), AT, PREMISE, UUID.randomUUID(), DeviceCommand.RELAY_OFF,
						"dev-1", false, 0L, 1),
				new DeviceCommandCompleted(UUID.randomUUID(), AT, PREMISE, UUID.randomUUID(), DeviceCommand.RELAY_ON,
						"dev-1", true, 50000L, 1),
				new BalanceCredited(UUID.randomUUID(), AT, PREMISE, "pay_1", 50000, 123456789,
						BalanceCredited.SOURCE_TOP_UP),
				new BalanceWithdrawn(UUID.randomUUID(), AT, PREMISE, "refund:r1", 10000, 5000,
						BalanceWithdrawn.SOURCE_REFUND, "moved out"),
				new SupplyRestoreOverdue(UUID.randomUUID(), AT, PREMISE, AT.minusSeconds(900), 50000, 3, "offline"),
				new DeviceCommandFailed(UUID.randomUUID(), AT, PREMISE, UUID.randomUUID(), DeviceCommand.RELAY_ON,
						"dev-1", "expired", "the meter stayed offline", 5),
				new BalanceDriftDetected(UUID.randomUUID(), AT, PREMISE, UUID.randomUUID(), 1000, 4000, 1000, 3000,
						2000, "SYSTEM", observed),
				new ReadingQuarantined(UUID.randomUUID(), AT, PREMISE, UUID.randomUUID(), "dev-1", 1,
						new BigDecimal("12.500"), new BigDecimal("1234.560"), "register-drop", "fell", observed),
				new CutoffScheduled(UUID.randomUUID(), AT, PREMISE, AT.plusSeconds(36000), -1250),
				new TopUpFailed(UUID.randomUUID(), AT, PREMISE, UUID.randomUUID(), 50000, "payment_declined"),
				new MeterOffline(UUID.randomUUID(), AT, PREMISE, "QUBE-ONE-1", AT.minusSeconds(1800)),
				new DeviceIdentityMissing(UUID.randomUUID(), AT, "unidentified:QUBE-ONE-2", "demo-1", "QUBE-ONE-2", 7,
						"Flat 101", "udf1"));
	}

	@ParameterizedTest
	@MethodSource("events")
	void everyNoticeRendersInEnglishAndHindiOnEveryChannelWithoutAGap(DomainEvent event) {
		NoticeDraft draft = this.planner.plan(event).orElseThrow();
		Map<String, String> params = new HashMap<>(draft.params());
		params.put("name", "Asha");
		params.put("premise", PREMISE);
		for (String language : List.of("en", "hi")) {
			for (ChannelName channel : ChannelName.values()) {
				Templates.Rendered text = this.templates.render(draft.kind(), channel, language, params);
				assertThat(text.subject()).isNotBlank().doesNotContain("{");
				assertThat(text.body()).isNotBlank().doesNotContain("{");
				if (!(event instanceof DeviceIdentityMissing)) {
					assertThat(text.body()).contains(PREMISE);
				}
				if (channel == ChannelName.SMS) {
					assertThat(text.body()).hasSizeLessThanOrEqualTo(320);
				}
			}
		}
	}

	@Test
	void aTopUpNoticeShowsRupeesWithTwoDecimalsAndTheIstTimeInHindi() {
		NoticeDraft draft = this.planner.plan(events().get(3)).orElseThrow();
		Map<String, String> params = new HashMap<>(draft.params());
		params.put("name", "आशा");
		params.put("premise", PREMISE);
		Templates.Rendered hindi = this.templates.render(NoticeKind.TOP_UP_RECEIVED, ChannelName.EMAIL, "hi", params);
		assertThat(hindi.subject()).contains("₹500.00").contains("भुगतान");
		assertThat(hindi.body()).contains("₹12,34,567.89").contains("07-12-2026 14:05 IST").contains("प्रिय आशा");
		Templates.Rendered english = this.templates.render(NoticeKind.TOP_UP_RECEIVED, ChannelName.SMS, "en", params);
		assertThat(english.body()).contains("₹500.00 received at 07-12-2026 14:05 IST");
	}

	@Test
	void aScheduledCutOffNamesItsIstTimeAndTheDebtWithItsSign() {
		NoticeDraft draft = this.planner.plan(events().get(9)).orElseThrow();
		Map<String, String> params = new HashMap<>(draft.params());
		params.put("name", "Asha");
		params.put("premise", PREMISE);
		Templates.Rendered text = this.templates.render(NoticeKind.CUTOFF_SCHEDULED, ChannelName.SMS, "en", params);
		assertThat(text.body()).contains("-₹12.50").contains("08-12-2026 00:05 IST");
		assertThat(draft.kind().urgency()).isEqualTo(Urgency.URGENT);
	}

	@Test
	void aMissingValueIsAnErrorNotAGap() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.templates.render(NoticeKind.REFUND, ChannelName.EMAIL, "en", Map.of("name", "A")))
			.withMessageContaining("no value for {");
	}

}
