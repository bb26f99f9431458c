package eco.qubeprepaid.sandbox.gateway.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The settlement report of an IST calendar day: 18:30 UTC is midnight in Kolkata. */
class SettlementTest {

	private final GatewayFixture fixture = new GatewayFixture(Instant.parse("2026-12-02T18:29:59Z"));

	@Test
	void paymentsAndRefundsFallOnTheIstDayOfCaptureAndProcessing() {
		Payment lastOfDec2 = this.fixture.captured(20000, "tu_1");
		this.fixture.clock.set(Instant.parse("2026-12-02T18:30:00Z"));
		Payment firstOfDec3 = this.fixture.captured(10000, "tu_2");
		this.fixture.clock.set(Instant.parse("2026-12-03T18:29:59.999Z"));
		Refund refund = this.fixture.gateway.refund("k", new RefundRequest(lastOfDec2.id(), 5000L, null, null));
		this.fixture.clock.set(Instant.parse("2026-12-03T18:30:00Z"));
		this.fixture.captured(30000, "tu_3");

		List<SettlementItem> dec2 = this.fixture.gateway.settlement(LocalDate.of(2026, 12, 2));
		assertThat(dec2).extracting(SettlementItem::entityId).containsExactly(lastOfDec2.id());
		SettlementItem payment = dec2.get(0);
		assertThat(payment.type()).isEqualTo("payment");
		assertThat(payment.amount()).isEqualTo(20000);
		assertThat(payment.fee()).isEqualTo(472);
		assertThat(payment.tax()).isEqualTo(72);
		assertThat(payment.credit()).isEqualTo(19528);
		assertThat(payment.debit()).isZero();
		assertThat(payment.orderId()).isEqualTo(lastOfDec2.orderId());
		assertThat(payment.settledAt()).isEqualTo(Instant.parse("2026-12-02T18:29:59Z"));

		List<SettlementItem> dec3 = this.fixture.gateway.settlement(LocalDate.of(2026, 12, 3));
		assertThat(dec3).extracting(SettlementItem::entityId).containsExactly(firstOfDec3.id(), refund.id());
		SettlementItem refundItem = dec3.get(1);
		assertThat(refundItem.type()).isEqualTo("refund");
		assertThat(refundItem.amount()).isEqualTo(5000);
		assertThat(refundItem.fee()).isZero();
		assertThat(refundItem.tax()).isZero();
		assertThat(refundItem.credit()).isZero();
		assertThat(refundItem.debit()).isEqualTo(5000);
		assertThat(refundItem.paymentId()).isEqualTo(lastOfDec2.id());
		assertThat(refundItem.orderId()).isEqualTo(lastOfDec2.orderId());

		assertThat(this.fixture.gateway.settlement(LocalDate.of(2026, 12, 4))).hasSize(1);
		assertThat(this.fixture.gateway.settlement(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1))).hasSize(4);
	}

	@Test
	void aPendingRefundIsNotSettledUntilProcessed() {
		GatewayFixture delayed = new GatewayFixture(Instant.parse("2026-12-03T06:00:00Z"),
				GatewayFixture.SETTINGS.with(new GatewaySettings.Patch(null, null, null, null, null, null, null, null,
						60_000L, null, null, null, null)));
		Payment payment = delayed.captured(20000, "tu_4");
		Refund refund = delayed.gateway.refund("k", new RefundRequest(payment.id(), null, null, null));
		assertThat(delayed.gateway.settlement(LocalDate.of(2026, 12, 3))).hasSize(1);
		delayed.clock.set(Instant.parse("2026-12-04T06:00:00Z"));
		delayed.gateway.processRefund(refund.id());
		assertThat(delayed.gateway.settlement(LocalDate.of(2026, 12, 4))).extracting(SettlementItem::entityId)
			.containsExactly(refund.id());
		assertThat(delayed.gateway.truth().refundedTotal()).isEqualTo(20000);
		assertThat(delayed.gateway.truth().capturedTotal()).isEqualTo(20000);
	}

}
