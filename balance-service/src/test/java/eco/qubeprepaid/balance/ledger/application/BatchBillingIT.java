package eco.qubeprepaid.balance.ledger.application;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import eco.qubeprepaid.balance.BalanceIntegrationTest;
import eco.qubeprepaid.balance.pricing.domain.TariffScope;
import eco.qubeprepaid.balance.pricing.persistence.TariffStore;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.events.TopUpCaptured;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Billing a batch of snapshots in one transaction leaves exactly what billing them one at
 * a time leaves: the same ledger lines, balances, intervals, segments, quarantines,
 * notices, policy state and events, premise by premise. Two copies of the same random
 * fleet history are applied, one snapshot per transaction and in batches of random sizes
 * (with repeats inside a batch), and compared.
 */
class BatchBillingIT extends BalanceIntegrationTest {

	private static final Instant T0 = Instant.parse("2025-09-07T14:00:00Z");

	@Autowired
	SnapshotBilling billing;

	@Autowired
	TopUpCrediting topUps;

	@Autowired
	TariffStore tariffs;

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void aBatchLeavesExactlyWhatOneSnapshotAtATimeLeaves(long seed) {
		String run = "IT-Batch-" + UUID.randomUUID();
		// A configured tariff with a fixed daily charge, changed half-way through, for
		// both copies; the history crosses IST midnight twice.
		this.tariffs.add(new TariffScope(run + ".*"), T0.minus(Duration.ofDays(1)), 650, 1_700, 1_500);
		this.tariffs.add(new TariffScope(run + ".*"), T0.plus(Duration.ofHours(20)), 700, 1_800, 2_000);
		List<String> premises = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			premises.add("P" + i);
		}
		List<Step> history = history(new Random(seed), premises);
		String single = run + ".single.";
		String batched = run + ".batched.";
		premises.forEach((premise) -> {
			topUp(single + premise);
			topUp(batched + premise);
		});

		for (Step step : history) {
			this.billing.apply(step.snapshot(single));
			if (step.repeated()) {
				this.billing.apply(step.snapshot(single));
			}
		}
		Random sizes = new Random(seed * 31);
		List<DeviceSnapshotted> batch = new ArrayList<>();
		List<DeviceSnapshotted> nextBatch = new ArrayList<>();
		int size = 1 + sizes.nextInt(40);
		for (Step step : history) {
			DeviceSnapshotted snapshot = step.snapshot(batched);
			batch.add(snapshot);
			if (step.repeated()) {
				// Repeated inside the same batch or in the next one.
				(sizes.nextBoolean() ? batch : nextBatch).add(snapshot);
			}
			if (batch.size() >= size) {
				this.billing.apply(List.copyOf(batch));
				batch.clear();
				batch.addAll(nextBatch);
				nextBatch.clear();
				size = 1 + sizes.nextInt(40);
			}
		}
		batch.addAll(nextBatch);
		this.billing.apply(List.copyOf(batch));

		long billed = this.jdbc.queryForObject("SELECT count(*) FROM consumption WHERE premise_id LIKE ?", Long.class,
				single + "%");
		assertThat(billed).as("intervals billed").isGreaterThan(history.size() / 2);
		for (String premise : premises) {
			assertThat(fingerprint(batched + premise)).as("premise " + premise)
				.isEqualTo(fingerprint(single + premise))
				.isNotEmpty();
		}
	}

	private void topUp(String premise) {
		this.topUps.apply(new TopUpCaptured(UUID.randomUUID(), T0, premise, "pay_" + UUID.randomUUID(), 4_000,
				"sandbox-pay", T0.minusSeconds(60)));
	}

	/**
	 * A random history of readings: steady consumption on EB and DG, a replacement, a
	 * reported reset, a register drop (quarantined), an implausible jump, offline
	 * readings and repeated deliveries, interleaved across premises.
	 */
	private static List<Step> history(Random random, List<String> premises) {
		List<Step> steps = new ArrayList<>();
		int count = premises.size();
		String[] device = new String[count];
		int[] epoch = new int[count];
		BigDecimal[] energy = new BigDecimal[count];
		for (int p = 0; p < count; p++) {
			device[p] = "QUBE-ONE-BATCH0" + p;
			epoch[p] = 1;
			energy[p] = new BigDecimal(random.nextInt(5_000)).movePointLeft(1);
		}
		Instant at = T0;
		for (int i = 0; i < 360; i++) {
			at = at.plusSeconds(60 + random.nextInt(240));
			int p = random.nextInt(count);
			int kind = random.nextInt(100);
			BigDecimal reading;
			boolean online = true;
			if (kind < 3) {
				device[p] = device[p] + "R";
				epoch[p]++;
				energy[p] = new BigDecimal("0.050");
				reading = energy[p];
			}
			else if (kind < 6) {
				epoch[p]++;
				energy[p] = new BigDecimal("0.010");
				reading = energy[p];
			}
			else if (kind < 9) {
				reading = energy[p].subtract(new BigDecimal("300"));
				reading = (reading.signum() < 0) ? new BigDecimal("0.000") : reading;
			}
			else if (kind < 11) {
				reading = energy[p].add(new BigDecimal("900"));
			}
			else if (kind < 15) {
				online = false;
				reading = energy[p];
			}
			else {
				energy[p] = energy[p].add(new BigDecimal(random.nextInt(400)).movePointLeft(3));
				reading = energy[p];
			}
			TariffKind tariff = (random.nextInt(5) == 0) ? TariffKind.DG : TariffKind.EB;
			steps.add(new Step(UUID.randomUUID(), premises.get(p), device[p], epoch[p], online, reading, at, tariff,
					random.nextInt(8) == 0));
		}
		return steps;
	}

	/** Everything the ledger holds about a premise, without ids that differ by design. */
	private List<String> fingerprint(String premise) {
		List<String> rows = new ArrayList<>();
		rows.addAll(this.jdbc.queryForList("""
				SELECT t.kind || '|' || regexp_replace(t.description, 'pay_[0-9a-f-]+', 'pay_*') || '|'
				       || e.amount_paise || '|' || t.occurred_at
				  FROM ledger_entry e JOIN ledger_transaction t ON t.tx_id = e.tx_id
				 WHERE e.account_id = ? ORDER BY e.entry_id""", String.class, "wallet:" + premise));
		rows.add("balance|" + this.jdbc.queryForObject("SELECT balance_paise FROM wallet_balance WHERE premise_id = ?",
				Long.class, premise));
		rows.addAll(this.jdbc.queryForList("""
				SELECT 'interval|' || tariff_kind || '|' || rate_paise_per_kwh || '|' || pricing_source || '|'
				       || energy_mwh || '|' || amount_paise || '|' || interval_start || '|' || interval_end || '|'
				       || usage_date || '|' || epoch
				  FROM consumption WHERE premise_id = ? ORDER BY interval_end""", String.class, premise));
		rows.addAll(this.jdbc.queryForList(
				"""
						SELECT 'segment|' || tariff_kind || '|' || rate_paise_per_kwh || '|' || energy_mwh || '|' || charged_paise
						  FROM tariff_segment WHERE premise_id = ? ORDER BY tariff_kind, rate_paise_per_kwh, tariff_version_id""",
				String.class, premise));
		rows.addAll(this.jdbc.queryForList("""
				SELECT 'meter|' || epoch || '|' || baseline_energy_kwh || '|' || baseline_observed_at || '|'
				       || active_tariff || '|' || coalesce(fixed_charged_through::text, '-')
				  FROM meter_state WHERE premise_id = ?""", String.class, premise));
		rows.addAll(this.jdbc.queryForList("""
				SELECT 'quarantine|' || reason || '|' || energy_kwh || '|' || baseline_energy_kwh || '|' || observed_at
				  FROM quarantined_reading WHERE premise_id = ? ORDER BY observed_at""", String.class, premise));
		rows.addAll(this.jdbc.queryForList("""
				SELECT 'notice|' || rung || '|' || threshold_paise || '|' || balance_paise
				  FROM low_balance_notice WHERE premise_id = ? ORDER BY rung""", String.class, premise));
		rows.addAll(this.jdbc.queryForList("""
				SELECT 'policy|' || phase || '|' || episode || '|' || attempt || '|'
				       || coalesce(negative_since::text, '-') || '|' || coalesce(scheduled_cutoff_at::text, '-') || '|'
				       || coalesce(command_relay_on::text, '-') || '|' || coalesce(command_status, '-') || '|'
				       || coalesce(observed_at::text, '-') || '|' || coalesce(meter_balance_paise::text, '-') || '|'
				       || coalesce(last_sync_at::text, '-') || '|' || drift_open
				  FROM policy_state WHERE premise_id = ?""", String.class, premise));
		for (var row : this.jdbc
			.queryForList("SELECT event_type, payload FROM outbox WHERE message_key = ? ORDER BY outbox_id", premise)) {
			DomainEvent event = this.codec.decode((String) row.get("event_type"), 1, (byte[]) row.get("payload"));
			rows.add("event|" + describe(event));
		}
		return rows;
	}

	/** An event's content without its random ids and times. */
	private static String describe(DomainEvent event) {
		if (event instanceof eco.qubeprepaid.events.BalanceDebited debited) {
			return "debited|" + debited.amountPaise() + "|" + debited.balanceAfterPaise() + "|"
					+ debited.energyKwh().toPlainString();
		}
		if (event instanceof eco.qubeprepaid.events.FixedChargeDebited fixed) {
			return "fixed|" + fixed.chargeDate() + "|" + fixed.amountPaise() + "|" + fixed.balanceAfterPaise();
		}
		if (event instanceof eco.qubeprepaid.events.BalanceCredited credited) {
			return "credited|" + credited.amountPaise() + "|" + credited.balanceAfterPaise();
		}
		if (event instanceof eco.qubeprepaid.events.LowBalanceReached low) {
			return "low|" + low.threshold() + "|" + low.thresholdPaise() + "|" + low.balancePaise();
		}
		if (event instanceof eco.qubeprepaid.events.DeviceCommandRequested command) {
			return "command|" + command.command() + "|" + command.balancePaise() + "|" + command.reason();
		}
		if (event instanceof eco.qubeprepaid.events.ReadingQuarantined quarantined) {
			return "quarantined|" + quarantined.reason() + "|" + quarantined.energyKwh().toPlainString();
		}
		return event.getClass().getSimpleName();
	}

	/** One reading of the history, for a premise named relative to a copy's prefix. */
	private record Step(UUID eventId, String premise, String device, int epoch, boolean online, BigDecimal energyKwh,
			Instant observedAt, TariffKind activeTariff, boolean repeated) {

		DeviceSnapshotted snapshot(String prefix) {
			// The same event id in both copies would make the second copy a duplicate:
			// each copy derives its own, stable across the repeats of a step.
			UUID id = UUID.nameUUIDFromBytes((prefix + this.eventId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return new DeviceSnapshotted(id, this.observedAt.plusSeconds(1), prefix + this.premise, "key-1",
					this.device, this.epoch, this.online, this.energyKwh, new BigDecimal("850"), new BigDecimal("230"),
					0L, true, MeterMode.POSTPAID, 500L, 800L, this.activeTariff, false,
					OffsetDateTime.ofInstant(this.observedAt, IST), true);
		}

	}

}
