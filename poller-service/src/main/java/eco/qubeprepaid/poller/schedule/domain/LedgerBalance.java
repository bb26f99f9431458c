package eco.qubeprepaid.poller.schedule.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A premise's wallet balance as the ledger (balance-service) published it. For a premise
 * the ledger enforces (the meter in POSTPAID), this balance runs down while the meter's
 * own stays flat between syncs, so the scheduler needs it to see the premise approach
 * zero.
 *
 * @param at when the ledger committed it
 * @param balancePaise the wallet balance, negative when the premise owes
 * @param measuresSpending {@code true} when the change was energy spent (an energy
 * debit), so it teaches the spend rate; {@code false} for a step that says nothing about
 * the rate of spending (a credit, or a once-a-day fixed charge)
 */
public record LedgerBalance(Instant at, long balancePaise, boolean measuresSpending) {

	public LedgerBalance {
		Objects.requireNonNull(at, "at");
	}

	/**
	 * A balance after an energy debit.
	 * @param at when the ledger committed it
	 * @param balancePaise the wallet balance
	 * @return the balance
	 */
	public static LedgerBalance afterConsumption(Instant at, long balancePaise) {
		return new LedgerBalance(at, balancePaise, true);
	}

	/**
	 * A balance after a credit or a fixed charge.
	 * @param at when the ledger committed it
	 * @param balancePaise the wallet balance
	 * @return the balance
	 */
	public static LedgerBalance afterStep(Instant at, long balancePaise) {
		return new LedgerBalance(at, balancePaise, false);
	}

}
