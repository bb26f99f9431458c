package eco.qubeprepaid.balance.ledger.persistence;

import java.util.UUID;

import eco.qubeprepaid.balance.BalanceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database's own guards, proven with plain SQL that bypasses the application: an
 * unbalanced transaction, a duplicate effect, a changed entry or account, an entry for an
 * unknown account or transaction, an entry added to a committed transaction and an
 * inexact segment charge are refused by PostgreSQL itself; the running wallet balances
 * and the reference data version are moved by PostgreSQL itself.
 */
class LedgerDatabaseIT extends BalanceIntegrationTest {

	@Autowired
	TransactionTemplate transactions;

	@Test
	void refusesToCommitAnUnbalancedTransaction() {
		String premise = newPremise();
		UUID tx = UUID.randomUUID();
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			openWallet(premise);
			insertTransaction(tx, "test:" + tx);
			insertEntry(tx, "wallet:" + premise, 100);
			insertEntry(tx, "revenue:eb", -99);
		})).isInstanceOf(DataAccessException.class).hasMessageContaining("unbalanced ledger transaction");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE tx_id = ?", Long.class, tx))
			.isZero();
	}

	@Test
	void refusesATransactionWithoutEntries() {
		UUID tx = UUID.randomUUID();
		assertThatThrownBy(
				() -> this.transactions.executeWithoutResult((status) -> insertTransaction(tx, "test:" + tx)))
			.hasMessageContaining("unbalanced ledger transaction");
	}

	@Test
	void commitsABalancedTransactionInsertedEntryByEntry() {
		String premise = newPremise();
		UUID tx = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			openWallet(premise);
			insertTransaction(tx, "test:" + tx);
			insertEntry(tx, "clearing:payments", 250);
			insertEntry(tx, "wallet:" + premise, -250);
		});
		assertThat(walletBalance(premise)).isEqualTo(250);
	}

	@Test
	void refusesASecondTransactionWithTheSameIdempotencyKey() {
		String premise = newPremise();
		String key = "topup:pay_" + UUID.randomUUID();
		UUID first = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			openWallet(premise);
			insertTransaction(first, key);
			insertEntry(first, "clearing:payments", 500);
			insertEntry(first, "wallet:" + premise, -500);
		});
		UUID second = UUID.randomUUID();
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			insertTransaction(second, key);
			insertEntry(second, "clearing:payments", 500);
			insertEntry(second, "wallet:" + premise, -500);
		})).isInstanceOf(DuplicateKeyException.class).hasMessageContaining("ledger_transaction_idempotency_key_uk");
		assertThat(walletBalance(premise)).isEqualTo(500);
	}

	@Test
	void refusesToUpdateOrDeleteLedgerRows() {
		String premise = newPremise();
		UUID tx = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			openWallet(premise);
			insertTransaction(tx, "test:" + tx);
			insertEntry(tx, "clearing:payments", 70);
			insertEntry(tx, "wallet:" + premise, -70);
		});
		assertThatThrownBy(() -> this.jdbc.update("UPDATE ledger_entry SET amount_paise = 1 WHERE tx_id = ?", tx))
			.hasMessageContaining("immutable");
		assertThatThrownBy(() -> this.jdbc.update("DELETE FROM ledger_entry WHERE tx_id = ?", tx))
			.hasMessageContaining("immutable");
		assertThatThrownBy(() -> this.jdbc.update("DELETE FROM ledger_transaction WHERE tx_id = ?", tx))
			.hasMessageContaining("immutable");
		assertThat(walletBalance(premise)).isEqualTo(70);
	}

	@Test
	void refusesAnEntryForAnUnknownAccountOrTransaction() {
		String premise = newPremise();
		UUID tx = UUID.randomUUID();
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			insertTransaction(tx, "test:" + tx);
			insertEntry(tx, "wallet:" + premise, 10);
		})).hasMessageContaining("account wallet:" + premise + " does not exist");
		UUID unknown = UUID.randomUUID();
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			insertEntry(unknown, "clearing:payments", 10);
			insertEntry(unknown, "revenue:eb", -10);
		})).hasMessageContaining("ledger transaction " + unknown + " was not inserted by this database transaction");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE tx_id IN (?, ?)", Long.class, tx,
				unknown))
			.isZero();
	}

	@Test
	void refusesEntriesAddedToACommittedTransactionEvenWhenTheyBalance() {
		String premise = newPremise();
		UUID tx = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			openWallet(premise);
			insertTransaction(tx, "test:" + tx);
			insertEntry(tx, "clearing:payments", 300);
			insertEntry(tx, "wallet:" + premise, -300);
		});
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			insertEntry(tx, "wallet:" + premise, 300);
			insertEntry(tx, "revenue:eb", -300);
		})).hasMessageContaining("ledger transaction " + tx + " was not inserted by this database transaction");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE tx_id = ?", Long.class, tx))
			.isEqualTo(2);
		assertThat(walletBalance(premise)).isEqualTo(300);
	}

	@Test
	void refusesATransactionThatClaimsAnotherDatabaseTransaction() {
		UUID tx = UUID.randomUUID();
		assertThatThrownBy(() -> this.jdbc.update(
				"INSERT INTO ledger_transaction (tx_id, idempotency_key, premise_id, kind, description, occurred_at,"
						+ " recorded_in_xact) VALUES (?, ?, 'p', 'ADJUSTMENT', 'plain SQL', now(), '3')",
				tx, "test:" + tx))
			.hasMessageContaining("recorded_in_xact is set by the database");
	}

	@Test
	void refusesToChangeOrRemoveAnAccount() {
		String premise = newPremise();
		openWallet(premise);
		assertThatThrownBy(() -> this.jdbc.update("UPDATE account SET premise_id = 'other' WHERE account_id = ?",
				"wallet:" + premise))
			.hasMessageContaining("immutable");
		assertThatThrownBy(() -> this.jdbc.update("DELETE FROM account WHERE account_id = 'revenue:eb'"))
			.hasMessageContaining("immutable");
		assertThat(this.jdbc.queryForObject("SELECT premise_id FROM account WHERE account_id = ?", String.class,
				"wallet:" + premise))
			.isEqualTo(premise);
	}

	@Test
	void refusesASegmentChargeThatIsNotTheFlooredExactCharge() {
		String premise = newPremise();
		// 999,000 mWh at 500 paise/kWh is exactly floor(499.5) = 499 paise; 500 is
		// refused.
		this.jdbc.update("INSERT INTO tariff_segment VALUES (?, 'EB', 500, 0, 999000, 499)", premise);
		assertThatThrownBy(
				() -> this.jdbc.update("UPDATE tariff_segment SET charged_paise = 500 WHERE premise_id = ?", premise))
			.hasMessageContaining("tariff_segment_exact_charge_ck");
	}

	@Test
	void refusesTheSameConsumedEventTwice() {
		UUID event = UUID.randomUUID();
		this.jdbc.update("INSERT INTO processed_events (event_id, event_type) VALUES (?, 'device-snapshotted')", event);
		assertThatThrownBy(() -> this.jdbc
			.update("INSERT INTO processed_events (event_id, event_type) VALUES (?, 'device-snapshotted')", event))
			.isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void movesTheRunningBalanceWithEveryEntryAndNotWithARolledBackOne() {
		String premise = newPremise();
		UUID credit = UUID.randomUUID();
		UUID debit = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			openWallet(premise);
			insertTransaction(credit, "test:" + credit);
			insertEntry(credit, "clearing:payments", 1_000);
			insertEntry(credit, "wallet:" + premise, -1_000);
			insertTransaction(debit, "test:" + debit);
			insertEntry(debit, "wallet:" + premise, 275);
			insertEntry(debit, "revenue:eb", -275);
		});
		UUID unbalanced = UUID.randomUUID();
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			insertTransaction(unbalanced, "test:" + unbalanced);
			insertEntry(unbalanced, "wallet:" + premise, 50);
		})).hasMessageContaining("unbalanced ledger transaction");
		assertThat(runningBalance(premise)).isEqualTo(725).isEqualTo(walletBalance(premise));
	}

	@Test
	void movesTheRunningBalanceByTheSumOfAMultiRowInsertAndRefusesAWalletWithoutOne() {
		String premise = newPremise();
		String orphan = newPremise();
		UUID tx = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			openWallet(premise);
			insertTransaction(tx, "test:" + tx);
			// One statement, several entries of the same wallet (V7 moves it once).
			this.jdbc.update(
					"INSERT INTO ledger_entry (tx_id, account_id, amount_paise) VALUES (?, ?, 100),"
							+ " (?, ?, 250), (?, 'revenue:eb', -350)",
					tx, "wallet:" + premise, tx, "wallet:" + premise, tx);
		});
		assertThat(runningBalance(premise)).isEqualTo(-350).isEqualTo(walletBalance(premise));

		openWallet(orphan);
		this.jdbc.update("DELETE FROM wallet_balance WHERE account_id = ?", "wallet:" + orphan);
		UUID refused = UUID.randomUUID();
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			insertTransaction(refused, "test:" + refused);
			insertEntry(refused, "wallet:" + orphan, 10);
			insertEntry(refused, "revenue:eb", -10);
		})).hasMessageContaining("wallet wallet:" + orphan + " has no running balance");
		// Put the running balance back, as every test ends by checking them all.
		this.jdbc.update("INSERT INTO wallet_balance (account_id, premise_id, balance_paise) VALUES (?, ?, 0)",
				"wallet:" + orphan, orphan);
	}

	@Test
	void opensTheRunningBalanceWithTheWalletOnly() {
		String premise = newPremise();
		openWallet(premise);
		assertThat(runningBalance(premise)).isZero();
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM wallet_balance b JOIN account a USING (account_id) WHERE a.kind <> 'WALLET'",
				Long.class))
			.isZero();
	}

	@Test
	void movesTheReferenceDataVersionWithEveryTariffPolicyOrHolidayChange() {
		String scope = newPremise();
		long before = referenceVersion();
		this.jdbc.update("INSERT INTO tariff_version (scope, effective_from, eb_paise_per_kwh, dg_paise_per_kwh,"
				+ " fixed_daily_paise) VALUES (?, now(), 1, 2, 3)", scope);
		long afterTariff = referenceVersion();
		this.jdbc.update("INSERT INTO friendly_holiday (scope, holiday_date, name) VALUES (?, current_date, 'Test')",
				scope);
		long afterHoliday = referenceVersion();
		this.jdbc.update("DELETE FROM friendly_holiday WHERE scope = ?", scope);
		assertThat(afterTariff).isGreaterThan(before);
		assertThat(afterHoliday).isGreaterThan(afterTariff);
		assertThat(referenceVersion()).isGreaterThan(afterHoliday);
	}

	private long runningBalance(String premise) {
		return this.jdbc.queryForObject("SELECT balance_paise FROM wallet_balance WHERE account_id = ?", Long.class,
				"wallet:" + premise);
	}

	private long referenceVersion() {
		return this.jdbc.queryForObject("SELECT version FROM reference_data_version", Long.class);
	}

	private void openWallet(String premise) {
		this.jdbc.update("INSERT INTO account (account_id, kind, premise_id) VALUES (?, 'WALLET', ?)",
				"wallet:" + premise, premise);
	}

	private void insertTransaction(UUID tx, String key) {
		this.jdbc.update("INSERT INTO ledger_transaction (tx_id, idempotency_key, premise_id, kind, description,"
				+ " occurred_at) VALUES (?, ?, 'p', 'ADJUSTMENT', 'plain SQL', now())", tx, key);
	}

	private void insertEntry(UUID tx, String account, long amount) {
		this.jdbc.update("INSERT INTO ledger_entry (tx_id, account_id, amount_paise) VALUES (?, ?, ?)", tx, account,
				amount);
	}

}
