package eco.qubeprepaid.sandbox.gateway.model;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The X-Refund-Idempotency key: same key and body answer the same refund, another body is
 * a 400 naming the field, a key still in flight is a 409, and a refused first request
 * leaves nothing behind.
 */
class RefundIdempotencyTest {

	private final GatewayFixture fixture = new GatewayFixture(Instant.parse("2026-12-03T06:00:00Z"));

	@Test
	void theStoreClaimsReplaysAndRefuses() {
		IdempotencyStore store = new IdempotencyStore();
		RefundRequest request = new RefundRequest("pay_1", 5000L, Map.of("a", "b"), "r1");
		assertThat(store.claim("k", request)).isInstanceOf(IdempotencyStore.Claim.Fresh.class);
		assertThat(store.claim("k", request)).isInstanceOf(IdempotencyStore.Claim.InFlight.class);
		assertThat(store.claim("k", new RefundRequest("pay_1", 5000L, Map.of("a", "c"), "r1")))
			.isEqualTo(new IdempotencyStore.Claim.Mismatch("notes"));
		store.complete("k", "rfnd_1");
		assertThat(store.claim("k", new RefundRequest("pay_1", 5000L, Map.of("a", "b"), "r1")))
			.isEqualTo(new IdempotencyStore.Claim.Replay("rfnd_1"));
		assertThat(store.claim("k", new RefundRequest("pay_2", 5000L, Map.of("a", "b"), "r1")))
			.isEqualTo(new IdempotencyStore.Claim.Mismatch("payment_id"));
		assertThat(store.claim("k", new RefundRequest("pay_1", null, Map.of("a", "b"), "r1")))
			.isEqualTo(new IdempotencyStore.Claim.Mismatch("amount"));
		assertThat(store.claim("k", new RefundRequest("pay_1", 5000L, Map.of("a", "b"), null)))
			.isEqualTo(new IdempotencyStore.Claim.Mismatch("receipt"));
		store.release("k");
		assertThat(store.claim("k", request)).as("a completed key is never released")
			.isEqualTo(new IdempotencyStore.Claim.Replay("rfnd_1"));
	}

	@Test
	void theSameKeyAndBodyAnswerTheSameRefundOnce() {
		Payment payment = this.fixture.captured(20000, "tu_1");
		RefundRequest request = new RefundRequest(payment.id(), 5000L, Map.of("reason", "overpaid"), "rf_1");
		Refund first = this.fixture.gateway.refund("key-1", request);
		Refund again = this.fixture.gateway.refund("key-1",
				new RefundRequest(payment.id(), 5000L, Map.of("reason", "overpaid"), "rf_1"));
		assertThat(again).isEqualTo(first);
		assertThat(first.status()).isEqualTo(RefundStatus.PROCESSED);
		assertThat(this.fixture.gateway.refundsOf(payment.id())).containsExactly(first);
		assertThat(this.fixture.gateway.payment(payment.id()).amountRefunded()).isEqualTo(5000);
		assertThat(this.fixture.eventTypes()).containsExactly("payment.captured", "order.paid", "refund.processed");
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefusedNamingTheMismatch() {
		Payment payment = this.fixture.captured(20000, "tu_2");
		this.fixture.gateway.refund("key-2", new RefundRequest(payment.id(), 5000L, null, null));
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.fixture.gateway.refund("key-2", new RefundRequest(payment.id(), 6000L, null, null)))
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).isEqualTo(400);
				assertThat(ex.field()).isEqualTo("amount");
				assertThat(ex.description()).contains("X-Refund-Idempotency").contains("amount differs");
			});
		assertThat(this.fixture.gateway.refundsOf(payment.id())).hasSize(1);
	}

	@Test
	void aKeyWhoseFirstRequestIsInFlightIsAConflict() {
		Payment payment = this.fixture.captured(20000, "tu_3");
		RefundRequest request = new RefundRequest(payment.id(), 5000L, null, null);
		assertThat(this.fixture.gateway.idempotency().claim("key-3", request))
			.isInstanceOf(IdempotencyStore.Claim.Fresh.class);
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.fixture.gateway.refund("key-3", request))
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).isEqualTo(409);
				assertThat(ex.description()).isEqualTo(GatewayChoices.TEXT_IDEMPOTENCY_IN_FLIGHT);
			});
		assertThat(this.fixture.gateway.refundsOf(payment.id())).isEmpty();
	}

	@Test
	void aRefusedFirstRequestReleasesItsKey() {
		Payment payment = this.fixture.captured(20000, "tu_4");
		GatewayStateMachineTest.assertRefused(
				() -> this.fixture.gateway.refund("key-4", new RefundRequest(payment.id(), 20001L, null, null)),
				"amount", "20000");
		GatewayStateMachineTest.assertRefused(
				() -> this.fixture.gateway.refund("key-4", new RefundRequest(payment.id(), 99L, null, null)), "amount",
				GatewayChoices.TEXT_AMOUNT_MIN);
		Refund refund = this.fixture.gateway.refund("key-4", new RefundRequest(payment.id(), 20000L, null, null));
		assertThat(refund.amount()).isEqualTo(20000);
		GatewayStateMachineTest.assertRefused(
				() -> this.fixture.gateway.refund("", new RefundRequest(payment.id(), 100L, null, null)), null,
				GatewayChoices.TEXT_IDEMPOTENCY_REQUIRED);
	}

	@Test
	void onlyCapturedPaymentsWithSomethingLeftCanBeRefunded() {
		Order order = this.fixture.order(20000, "tu_5");
		Payment failed = this.fixture.gateway.pay(order.id(), PaymentMethod.UPI, null, false, true);
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.fixture.gateway.refund("key-5", new RefundRequest(failed.id(), null, null, null)))
			.satisfies((ex) -> assertThat(ex.description()).isEqualTo(GatewayChoices.TEXT_NOT_CAPTURED));
		Payment captured = this.fixture.gateway.pay(order.id(), PaymentMethod.UPI, null, true, true);
		this.fixture.gateway.refund("key-6", new RefundRequest(captured.id(), null, null, null));
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.fixture.gateway.refund("key-7", new RefundRequest(captured.id(), null, null, null)))
			.satisfies((ex) -> assertThat(ex.description()).isEqualTo(GatewayChoices.TEXT_FULLY_REFUNDED));
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.fixture.gateway.refund("key-8", new RefundRequest("pay_unknown", null, null, null)))
			.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(404));
	}

}
