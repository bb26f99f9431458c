package eco.qubeprepaid.sandbox.gateway.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Orders, payments and refunds only move forward; what each pay outcome makes. */
class GatewayStateMachineTest {

	private final GatewayFixture fixture = new GatewayFixture(Instant.parse("2026-12-03T06:00:00Z"));

	@Test
	void paymentStatusesOnlyMoveForward() {
		assertThat(PaymentStatus.CREATED.next()).containsExactlyInAnyOrder(PaymentStatus.AUTHORIZED,
				PaymentStatus.FAILED);
		assertThat(PaymentStatus.AUTHORIZED.next()).containsExactlyInAnyOrder(PaymentStatus.CAPTURED,
				PaymentStatus.FAILED);
		assertThat(PaymentStatus.CAPTURED.next()).containsExactly(PaymentStatus.REFUNDED);
		assertThat(PaymentStatus.REFUNDED.next()).isEmpty();
		assertThat(PaymentStatus.FAILED.next()).isEmpty();
		for (PaymentStatus from : PaymentStatus.values()) {
			for (PaymentStatus to : PaymentStatus.values()) {
				if (to.ordinal() <= from.ordinal()) {
					assertThat(from.canMoveTo(to)).as(from + " -> " + to).isFalse();
				}
			}
		}
	}

	@Test
	void orderAndRefundStatusesOnlyMoveForward() {
		assertThat(OrderStatus.CREATED.canMoveTo(OrderStatus.ATTEMPTED)).isTrue();
		assertThat(OrderStatus.CREATED.canMoveTo(OrderStatus.PAID)).isTrue();
		assertThat(OrderStatus.ATTEMPTED.canMoveTo(OrderStatus.ATTEMPTED)).isTrue();
		assertThat(OrderStatus.ATTEMPTED.canMoveTo(OrderStatus.PAID)).isTrue();
		assertThat(OrderStatus.ATTEMPTED.canMoveTo(OrderStatus.CREATED)).isFalse();
		assertThat(OrderStatus.PAID.canMoveTo(OrderStatus.ATTEMPTED)).isFalse();
		assertThat(OrderStatus.PAID.canMoveTo(OrderStatus.PAID)).isFalse();
		assertThat(RefundStatus.PENDING.canMoveTo(RefundStatus.PROCESSED)).isTrue();
		assertThat(RefundStatus.PENDING.canMoveTo(RefundStatus.FAILED)).isTrue();
		assertThat(RefundStatus.PROCESSED.canMoveTo(RefundStatus.PENDING)).isFalse();
		assertThat(RefundStatus.PROCESSED.canMoveTo(RefundStatus.FAILED)).isFalse();
	}

	@Test
	void aCapturedPaymentRefusesToMoveBack() {
		Payment captured = this.fixture.captured(20000, "tu_1");
		assertThatIllegalStateException()
			.isThrownBy(() -> captured.moveTo(PaymentStatus.AUTHORIZED, Instant.EPOCH, null));
		assertThatIllegalStateException().isThrownBy(() -> captured.moveTo(PaymentStatus.FAILED, Instant.EPOCH, "x"));
		assertThatIllegalStateException()
			.isThrownBy(() -> captured.moveTo(PaymentStatus.CAPTURED, Instant.EPOCH, null));
	}

	@Test
	void aSuccessfulPayCapturesPaysTheOrderAndMakesCapturedThenOrderPaid() {
		Order order = this.fixture.order(20000, "tu_2");
		Payment payment = this.fixture.gateway.pay(order.id(), PaymentMethod.UPI, null, true, true);
		assertThat(payment.id()).matches("pay_[0-9A-Za-z]{14}");
		assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(payment.captured()).isTrue();
		assertThat(payment.vpa()).isEqualTo(GatewayChoices.DEFAULT_VPA);
		assertThat(payment.fees()).isEqualTo(new Fees(400, 72));
		assertThat(payment.notes()).isEqualTo(Map.of("premise_id", "P-1"));
		Order paid = this.fixture.gateway.order(order.id());
		assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
		assertThat(paid.amountPaid()).isEqualTo(20000);
		assertThat(paid.amountDue()).isZero();
		assertThat(paid.attempts()).isEqualTo(1);
		assertThat(this.fixture.eventTypes()).containsExactly("payment.captured", "order.paid");
		EventRecord orderPaid = this.fixture.events.get(1);
		assertThat(orderPaid.event().order().status()).isEqualTo(OrderStatus.PAID);
		assertThat(orderPaid.event().payment()).isEqualTo(payment);
		assertThat(orderPaid.suppressed()).isFalse();
	}

	@Test
	void aFailedPayLeavesTheOrderAttemptedAndMakesPaymentFailed() {
		Order order = this.fixture.order(20000, "tu_3");
		Payment failed = this.fixture.gateway.pay(order.id(), PaymentMethod.CARD, "ignored@upi", false, false);
		assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(failed.captured()).isFalse();
		assertThat(failed.vpa()).isNull();
		assertThat(failed.fees()).isEqualTo(Fees.NONE);
		assertThat(failed.errorDescription()).isEqualTo(GatewayChoices.TEXT_PAYMENT_FAILED);
		assertThat(this.fixture.gateway.order(order.id()).status()).isEqualTo(OrderStatus.ATTEMPTED);
		assertThat(this.fixture.eventTypes()).containsExactly("payment.failed");
		assertThat(this.fixture.events.get(0).suppressed()).isTrue();
		Payment second = this.fixture.gateway.pay(order.id(), PaymentMethod.NETBANKING, null, true, true);
		assertThat(this.fixture.gateway.paymentsOf(order.id())).containsExactly(failed, second);
		assertThat(this.fixture.gateway.order(order.id()).attempts()).isEqualTo(2);
	}

	@Test
	void aPaidOrderRefusesAnotherPaymentAndNothingChanges() {
		Payment payment = this.fixture.captured(20000, "tu_4");
		GatewayException refused = assertThrows(GatewayException.class,
				() -> this.fixture.gateway.pay(payment.orderId(), PaymentMethod.UPI, null, true, true));
		assertThat(refused.httpStatus()).isEqualTo(400);
		assertThat(refused.description()).isEqualTo(GatewayChoices.TEXT_ORDER_PAID);
		assertThat(this.fixture.gateway.paymentsOf(payment.orderId())).containsExactly(payment);
		assertThat(this.fixture.events).hasSize(2);
	}

	@Test
	void refusesBadOrdersWithTheFieldAndKeepsReceiptsUnique() {
		assertRefused(() -> this.fixture.gateway.createOrder(99, null, null, null), "amount",
				GatewayChoices.TEXT_AMOUNT_MIN);
		assertRefused(() -> this.fixture.gateway.createOrder(GatewayChoices.MAX_AMOUNT + 1, null, null, null), "amount",
				GatewayChoices.TEXT_AMOUNT_MAX);
		assertRefused(() -> this.fixture.gateway.createOrder(100, "USD", null, null), "currency", "USD");
		assertRefused(() -> this.fixture.gateway.createOrder(100, null, "x".repeat(41), null), "receipt",
				GatewayChoices.TEXT_RECEIPT_LENGTH);
		Map<String, String> sixteen = new HashMap<>();
		for (int i = 0; i < 16; i++) {
			sixteen.put("k" + i, "v");
		}
		assertRefused(() -> this.fixture.gateway.createOrder(100, null, null, sixteen), "notes",
				GatewayChoices.TEXT_NOTES_COUNT);
		Order first = this.fixture.gateway.createOrder(100, null, "x".repeat(40), null);
		assertThat(first.currency()).isEqualTo("INR");
		assertRefused(() -> this.fixture.gateway.createOrder(100, null, "x".repeat(40), null), "receipt", first.id());
		assertThat(this.fixture.gateway.truth().orders()).containsExactly(first);
	}

	@Test
	void refusesAMalformedVpaAndAnUnknownOrder() {
		Order order = this.fixture.order(20000, "tu_5");
		assertRefused(() -> this.fixture.gateway.pay(order.id(), PaymentMethod.UPI, "no-at-sign", true, true), "vpa",
				GatewayChoices.TEXT_VPA);
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.fixture.gateway.pay("order_unknown", PaymentMethod.UPI, null, true, true))
			.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(404));
		assertThat(this.fixture.gateway.paymentsOf(order.id())).isEmpty();
	}

	@Test
	void aRefundMovesPendingToProcessedOnceAndUpdatesThePayment() {
		GatewayFixture delayed = new GatewayFixture(Instant.parse("2026-12-03T06:00:00Z"),
				GatewayFixture.SETTINGS.with(new GatewaySettings.Patch(null, null, null, null, null, null, null, null,
						5000L, null, null, null, null)));
		Payment payment = delayed.captured(20000, "tu_6");
		Refund refund = delayed.gateway.refund("k1", new RefundRequest(payment.id(), 5000L, null, null));
		assertThat(refund.status()).isEqualTo(RefundStatus.PENDING);
		assertThat(delayed.pendingRefunds).containsExactly(refund.id());
		Payment partly = delayed.gateway.payment(payment.id());
		assertThat(partly.amountRefunded()).isEqualTo(5000);
		assertThat(partly.refundStatus()).isEqualTo("partial");
		assertThat(partly.status()).isEqualTo(PaymentStatus.CAPTURED);
		delayed.clock.add(5000);
		Refund processed = delayed.gateway.processRefund(refund.id()).orElseThrow();
		assertThat(processed.status()).isEqualTo(RefundStatus.PROCESSED);
		assertThat(processed.processedAt()).isEqualTo(Instant.parse("2026-12-03T06:00:05Z"));
		assertThat(delayed.gateway.processRefund(refund.id())).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> processed.processed(Instant.EPOCH));
		assertThat(delayed.eventTypes()).containsExactly("payment.captured", "order.paid", "refund.processed");
		Refund rest = delayed.gateway.refund("k2", new RefundRequest(payment.id(), null, null, null));
		assertThat(rest.amount()).isEqualTo(15000);
		Payment full = delayed.gateway.payment(payment.id());
		assertThat(full.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(full.refundStatus()).isEqualTo("full");
		assertThat(full.captured()).isTrue();
	}

	static void assertRefused(Runnable call, String field, String descriptionPart) {
		assertThatExceptionOfType(GatewayException.class).isThrownBy(call::run).satisfies((ex) -> {
			assertThat(ex.httpStatus()).isEqualTo(400);
			assertThat(ex.code()).isEqualTo("BAD_REQUEST_ERROR");
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.description()).contains(descriptionPart);
		});
	}

}
