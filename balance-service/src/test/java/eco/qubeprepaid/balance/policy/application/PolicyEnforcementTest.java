package eco.qubeprepaid.balance.policy.application;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.balance.InMemoryBilling;
import eco.qubeprepaid.balance.policy.domain.CommandRecord;
import eco.qubeprepaid.balance.policy.domain.CutoffPolicy;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.LowBalanceReached;
import eco.qubeprepaid.events.TopUpCaptured;
import eco.qubeprepaid.service.time.Ist;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy's enforcement without a database: {@link PolicyEnforcement} subscribed to
 * the ledger's in-transaction notifications, over in-memory ports
 * ({@link InMemoryBilling}). The same cases run on PostgreSQL and Kafka in
 * {@code PolicyIT}; here they pin the decisions and what is recorded with them, in
 * milliseconds.
 */
class PolicyEnforcementTest {

	private static final String PREMISE = "premise-1";

	private final InMemoryBilling billing = new InMemoryBilling(0);

	@Test
	void cutsAPremiseThatRunsOutOutsideAWindowWithOneCommandRecordedAndPublished() {
		// Wednesday 11:00 IST, outside every default window.
		at("2025-10-01T11:10:30");
		topUp("pay_1", 500);
		snapshot("100.000", "2025-10-01T11:00");
		snapshot("102.000", "2025-10-01T11:10");

		// 500 - 2 kWh x 500 = -500.
		assertThat(this.billing.ledger.balances).containsEntry(PREMISE, -500L);
		UUID expected = CutoffPolicy.commandId(PREMISE, "relay-off", 1, 0);
		assertThat(commands(DeviceCommand.RELAY_OFF)).singleElement().satisfies((off) -> {
			assertThat(off.commandId()).isEqualTo(expected);
			assertThat(off.requestedBy()).isEqualTo(PolicyEnforcement.REQUESTED_BY);
		});
		assertThat(this.billing.commands.byId).containsOnlyKeys(expected);
		assertThat(this.billing.commands.byId.get(expected).command()).isEqualTo(DeviceCommand.RELAY_OFF);
		assertThat(this.billing.published(LowBalanceReached.class)).extracting(LowBalanceReached::threshold)
			.containsExactly("30%", "10%", "0%");
	}

	@Test
	void neverCutsAPremiseWithCredit() {
		at("2025-10-01T11:10:30");
		topUp("pay_1", 5_000);
		snapshot("100.000", "2025-10-01T11:00");
		snapshot("102.000", "2025-10-01T11:10");

		assertThat(this.billing.ledger.balances).containsEntry(PREMISE, 4_000L);
		assertThat(commands(DeviceCommand.RELAY_OFF)).isEmpty();
		assertThat(this.billing.commands.byId.values()).extracting(CommandRecord::command)
			.doesNotContain(DeviceCommand.RELAY_OFF);
	}

	@Test
	void insideAFriendlyWindowSchedulesTheCutoffForTheWindowsEndInsteadOfCutting() {
		// Wednesday 20:00 IST: no disconnection 18:00-10:00.
		at("2025-10-01T20:10:30");
		topUp("pay_1", 500);
		snapshot("100.000", "2025-10-01T20:00");
		snapshot("102.000", "2025-10-01T20:10");

		assertThat(commands(DeviceCommand.RELAY_OFF)).isEmpty();
		assertThat(this.billing.policies.states.get(PREMISE).policy().scheduledCutoffAt())
			.isEqualTo(ist("2025-10-02T10:00"));
	}

	@Test
	void aTopUpAfterTheCutAsksForThePowerBackInItsOwnTransaction() {
		at("2025-10-01T11:10:30");
		topUp("pay_1", 500);
		snapshot("100.000", "2025-10-01T11:00");
		snapshot("102.000", "2025-10-01T11:10");
		assertThat(commands(DeviceCommand.RELAY_OFF)).hasSize(1);

		at("2025-10-01T11:12:00");
		topUp("pay_2", 1_000);

		assertThat(this.billing.ledger.balances).containsEntry(PREMISE, 500L);
		assertThat(commands(DeviceCommand.RELAY_ON)).singleElement()
			.satisfies((on) -> assertThat(on.commandId()).isEqualTo(CutoffPolicy.commandId(PREMISE, "relay-on", 1, 0)));
	}

	private void topUp(String paymentId, long paise) {
		Instant now = this.billing.clock.instant();
		this.billing.topUps
			.apply(new TopUpCaptured(UUID.randomUUID(), now, PREMISE, paymentId, paise, "razorpay", now));
	}

	private void snapshot(String energyKwh, String observedAtIst) {
		this.billing.billing.apply(InMemoryBilling.snapshot(PREMISE, energyKwh, ist(observedAtIst), 0, true));
	}

	private List<DeviceCommandRequested> commands(DeviceCommand command) {
		return this.billing.published(DeviceCommandRequested.class)
			.stream()
			.filter((requested) -> requested.command() == command)
			.toList();
	}

	private void at(String local) {
		this.billing.clock.set(ist(local));
	}

	private static Instant ist(String local) {
		return LocalDateTime.parse(local).atZone(Ist.ZONE).toInstant();
	}

}
