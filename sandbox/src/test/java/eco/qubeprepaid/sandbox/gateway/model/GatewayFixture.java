package eco.qubeprepaid.sandbox.gateway.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A gateway on a hand-set clock with a recording listener, for the model tests. */
final class GatewayFixture {

	static final GatewaySettings SETTINGS = new GatewaySettings("", "whsec", 0, false, 0, 0, 0, 0, 0, 5000, 1000, 30000,
			10);

	final TestClock clock;

	final Gateway gateway;

	final List<EventRecord> events = new ArrayList<>();

	final List<String> pendingRefunds = new ArrayList<>();

	GatewayFixture(Instant start) {
		this(start, SETTINGS);
	}

	GatewayFixture(Instant start, GatewaySettings settings) {
		this.clock = new TestClock(start);
		this.gateway = new Gateway(this.clock, Ids.of(7L), settings,
				(map) -> map.toString().getBytes(StandardCharsets.UTF_8));
		this.gateway.setListener(new Gateway.Listener() {

			@Override
			public void eventRecorded(EventRecord record) {
				GatewayFixture.this.events.add(record);
			}

			@Override
			public void refundPending(String refundId, long delayMs) {
				GatewayFixture.this.pendingRefunds.add(refundId);
			}

		});
	}

	Order order(long amount, String receipt) {
		return this.gateway.createOrder(amount, "INR", receipt, Map.of("premise_id", "P-1"));
	}

	Payment captured(long amount, String receipt) {
		return this.gateway.pay(order(amount, receipt).id(), PaymentMethod.UPI, "tenant@okbank", true, true);
	}

	List<String> eventTypes() {
		return this.events.stream().map((r) -> r.event().type().wire()).toList();
	}

}
