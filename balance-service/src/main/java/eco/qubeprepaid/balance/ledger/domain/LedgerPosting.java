package eco.qubeprepaid.balance.ledger.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import eco.qubeprepaid.events.TariffKind;

/**
 * One balanced ledger transaction, ready to be written. An entry's amount is positive for
 * a debit and negative for a credit; the entries sum to zero (checked here and again by a
 * deferred constraint trigger in the database). The idempotency key names the effect, so
 * the same effect can be written once only (a UNIQUE constraint).
 *
 * @param idempotencyKey the effect's key, e.g. {@code topup:<paymentId>}
 * @param premiseId the premise whose wallet it touches
 * @param kind what kind of movement it is
 * @param description a human-readable line for the statement
 * @param occurredAt when the effect happened
 * @param entries the entries, at least two, summing to zero
 */
public record LedgerPosting(String idempotencyKey, String premiseId, Kind kind, String description, Instant occurredAt,
		List<Entry> entries) {

	public LedgerPosting {
		Objects.requireNonNull(idempotencyKey, "idempotencyKey");
		Objects.requireNonNull(premiseId, "premiseId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(occurredAt, "occurredAt");
		entries = List.copyOf(entries);
		if (entries.size() < 2) {
			throw new IllegalArgumentException("a ledger transaction needs at least two entries");
		}
		long sum = 0;
		for (Entry entry : entries) {
			sum = Math.addExact(sum, entry.amountPaise());
		}
		if (sum != 0) {
			throw new IllegalArgumentException("unbalanced ledger transaction " + idempotencyKey + ": sums to " + sum);
		}
	}

	/**
	 * Charges energy: debit the wallet, credit the supply's revenue.
	 * @param premiseId the premise
	 * @param snapshotKey the snapshot's event id
	 * @param kind the supply
	 * @param amountPaise the amount, more than zero
	 * @param description the statement line
	 * @param occurredAt when the energy was measured
	 * @return the posting
	 */
	public static LedgerPosting energy(String premiseId, String snapshotKey, TariffKind kind, long amountPaise,
			String description, Instant occurredAt) {
		return charge(premiseId, "snapshot:" + snapshotKey, Kind.ENERGY, Accounts.revenue(kind), amountPaise,
				description, occurredAt);
	}

	/**
	 * Charges a fixed daily charge: debit the wallet, credit fixed-charge revenue.
	 * @param premiseId the premise
	 * @param day the IST day, e.g. {@code 2025-09-07}
	 * @param amountPaise the amount, more than zero
	 * @param occurredAt when it was charged
	 * @return the posting
	 */
	public static LedgerPosting fixedCharge(String premiseId, LocalDate day, long amountPaise, Instant occurredAt) {
		return charge(premiseId, fixedChargeKey(premiseId, day), Kind.FIXED_CHARGE, Accounts.REVENUE_FIXED, amountPaise,
				"Fixed charge for " + day, occurredAt);
	}

	/**
	 * Credits a captured payment: debit payments clearing, credit the wallet.
	 * @param premiseId the premise
	 * @param paymentId the gateway's payment id
	 * @param amountPaise the amount, more than zero
	 * @param occurredAt when it was captured
	 * @return the posting
	 */
	public static LedgerPosting topUp(String premiseId, String paymentId, long amountPaise, Instant occurredAt) {
		requirePositive(amountPaise);
		return new LedgerPosting("topup:" + paymentId, premiseId, Kind.TOP_UP, "Top-up " + paymentId, occurredAt,
				List.of(new Entry(Accounts.PAYMENTS_CLEARING, amountPaise),
						new Entry(Accounts.wallet(premiseId), -amountPaise)));
	}

	/**
	 * Opens a wallet with the balance its meter held when the premise was first seen:
	 * debit opening balances, credit the wallet. Once per premise.
	 * @param premiseId the premise
	 * @param amountPaise the meter's balance, more than zero
	 * @param deviceId the meter it was read from
	 * @param occurredAt when the meter was read
	 * @return the posting
	 */
	public static LedgerPosting openingBalance(String premiseId, long amountPaise, String deviceId,
			Instant occurredAt) {
		requirePositive(amountPaise);
		return new LedgerPosting(openingBalanceKey(premiseId), premiseId, Kind.OPENING_BALANCE,
				"Opening balance adopted from meter " + deviceId, occurredAt,
				List.of(new Entry(Accounts.OPENING_BALANCES, amountPaise),
						new Entry(Accounts.wallet(premiseId), -amountPaise)));
	}

	/**
	 * Credits money that reached the meter from outside the ledger: debit meter credits,
	 * credit the wallet.
	 * @param premiseId the premise
	 * @param snapshotKey the event id of the snapshot that showed it
	 * @param amountPaise the amount, more than zero
	 * @param deviceId the meter
	 * @param occurredAt when the meter was read
	 * @return the posting
	 */
	public static LedgerPosting meterCredit(String premiseId, String snapshotKey, long amountPaise, String deviceId,
			Instant occurredAt) {
		requirePositive(amountPaise);
		return new LedgerPosting(meterCreditKey(snapshotKey), premiseId, Kind.METER_CREDIT,
				"Credit found on meter " + deviceId + " (recharged outside this system)", occurredAt,
				List.of(new Entry(Accounts.METER_CREDITS, amountPaise),
						new Entry(Accounts.wallet(premiseId), -amountPaise)));
	}

	/**
	 * A movement an operator or the payment service asked for: an adjustment (against the
	 * adjustments account) or a refund and its reversal (against payments clearing, the
	 * money going back to, or coming back from, the gateway).
	 * @param premiseId the premise
	 * @param key the movement's idempotency key (see {@link MovementKind#key})
	 * @param kind the movement
	 * @param amountPaise the amount, more than zero
	 * @param description the statement line
	 * @param occurredAt when it was asked for
	 * @return the posting
	 */
	public static LedgerPosting movement(String premiseId, String key, MovementKind kind, long amountPaise,
			String description, Instant occurredAt) {
		requirePositive(amountPaise);
		String wallet = Accounts.wallet(premiseId);
		// The wallet is a liability: a credit to it is a negative entry.
		long walletEntry = kind.credit() ? -amountPaise : amountPaise;
		return new LedgerPosting(key, premiseId, kind.ledgerKind(), description, occurredAt,
				List.of(new Entry(kind.counterAccount(), -walletEntry), new Entry(wallet, walletEntry)));
	}

	/**
	 * @param premiseId a premise
	 * @return the idempotency key of its opening balance
	 */
	public static String openingBalanceKey(String premiseId) {
		return "opening:" + premiseId;
	}

	/**
	 * @param snapshotKey a snapshot's event id
	 * @return the idempotency key of the meter credit it showed
	 */
	public static String meterCreditKey(String snapshotKey) {
		return "meter-credit:" + snapshotKey;
	}

	/**
	 * @param premiseId a premise
	 * @param day an IST day
	 * @return the idempotency key of the premise's fixed charge for the day
	 */
	public static String fixedChargeKey(String premiseId, LocalDate day) {
		return "fixed:" + premiseId + ":" + day;
	}

	private static LedgerPosting charge(String premiseId, String key, Kind kind, String revenueAccount,
			long amountPaise, String description, Instant occurredAt) {
		requirePositive(amountPaise);
		return new LedgerPosting(key, premiseId, kind, description, occurredAt,
				List.of(new Entry(Accounts.wallet(premiseId), amountPaise), new Entry(revenueAccount, -amountPaise)));
	}

	private static void requirePositive(long amountPaise) {
		if (amountPaise <= 0) {
			throw new IllegalArgumentException("amount must be more than zero, was " + amountPaise);
		}
	}

	/**
	 * One entry.
	 *
	 * @param accountId the account
	 * @param amountPaise positive for a debit, negative for a credit, never zero
	 */
	public record Entry(String accountId, long amountPaise) {

		public Entry {
			Objects.requireNonNull(accountId, "accountId");
			if (amountPaise == 0) {
				throw new IllegalArgumentException("an entry's amount must not be zero");
			}
		}

	}

	/** What kind of movement a transaction is. */
	public enum Kind {

		/** Energy charged from a snapshot. */
		ENERGY,
		/** A fixed daily charge. */
		FIXED_CHARGE,
		/** A captured payment. */
		TOP_UP,
		/** The meter's balance adopted when the premise was first seen. */
		OPENING_BALANCE,
		/** Credit found on the meter that the ledger had not given it. */
		METER_CREDIT,
		/** An operator's correction. */
		ADJUSTMENT,
		/** Money refunded to the tenant through the gateway. */
		REFUND,
		/** A refund's debit given back: the gateway refused the refund. */
		REFUND_REVERSAL

	}

}
