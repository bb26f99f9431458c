package eco.qubeprepaid.balance.ledger.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eco.qubeprepaid.balance.ledger.domain.Accounts;
import eco.qubeprepaid.balance.ledger.domain.LedgerPosting;
import eco.qubeprepaid.balance.ledger.domain.Onboarding;
import eco.qubeprepaid.balance.work.UnitOfWork;
import eco.qubeprepaid.balance.work.UnitPart;

import org.springframework.stereotype.Component;

/**
 * The ledger's part of a unit of work: the locked premises' wallet balances (read in one
 * round trip when first needed), this transaction's postings applied to them, and the
 * onboardings; written through the {@link LedgerRepository} first of all parts (the
 * entries of a posting need its transaction row).
 */
public final class Wallets implements UnitPart {

	private final UnitOfWork work;

	private final LedgerRepository ledger;

	private Map<String, Long> balances;

	private final Set<String> postingKeysChecked = new HashSet<>();

	private final Set<String> postingKeysTaken = new HashSet<>();

	private final List<LedgerPosting> postings = new ArrayList<>();

	private final List<Onboarding> onboardings = new ArrayList<>();

	Wallets(UnitOfWork work, LedgerRepository ledger) {
		this.work = work;
		this.ledger = ledger;
	}

	/**
	 * The wallet balance, including this transaction's postings.
	 * @param premiseId a premise of this unit
	 * @return the balance in paise
	 */
	public long balance(String premiseId) {
		this.work.requireLocked(premiseId);
		if (this.balances == null) {
			this.balances = new HashMap<>(this.ledger.walletBalances(this.work.premises()));
		}
		return this.balances.getOrDefault(premiseId, 0L);
	}

	/**
	 * Adds a posting unless its idempotency key is taken. An energy posting's key derives
	 * from the snapshot's event id, which {@code processed_events} has just made unique;
	 * every other key must have been checked against the ledger first
	 * ({@link #checkPostingKeys}).
	 * @param posting the posting
	 * @return whether it was added
	 */
	public boolean post(LedgerPosting posting) {
		this.work.requireLocked(posting.premiseId());
		String key = posting.idempotencyKey();
		if (posting.kind() != LedgerPosting.Kind.ENERGY && !this.postingKeysChecked.contains(key)) {
			throw new IllegalStateException("posting " + key + " was not checked against the ledger");
		}
		if (!this.postingKeysTaken.add(key)) {
			return false;
		}
		long balance = balance(posting.premiseId());
		String wallet = Accounts.wallet(posting.premiseId());
		for (LedgerPosting.Entry entry : posting.entries()) {
			if (entry.accountId().equals(wallet)) {
				// The wallet is a liability: a debit entry lowers the balance.
				balance = Math.subtractExact(balance, entry.amountPaise());
			}
		}
		this.balances.put(posting.premiseId(), balance);
		this.postings.add(posting);
		return true;
	}

	/**
	 * Reads which of these posting keys the ledger has, in one round trip.
	 * @param keys idempotency keys this transaction may post
	 */
	public void checkPostingKeys(Collection<String> keys) {
		List<String> unchecked = keys.stream().filter((key) -> !this.postingKeysChecked.contains(key)).toList();
		if (!unchecked.isEmpty()) {
			this.postingKeysTaken.addAll(this.ledger.postedKeys(unchecked));
			this.postingKeysChecked.addAll(unchecked);
		}
	}

	/**
	 * @param onboarding the audit record of a premise's first reading
	 */
	public void recordOnboarding(Onboarding onboarding) {
		this.work.requireLocked(onboarding.premiseId());
		this.onboardings.add(onboarding);
	}

	@Override
	public void flush(Instant now) {
		this.ledger.postAll(this.postings);
		this.ledger.recordOnboardings(this.onboardings, now);
	}

	/** Opens the ledger's part of each unit of work. */
	@Component
	public static class Factory extends UnitPart.Factory<Wallets> {

		public Factory(LedgerRepository ledger) {
			super(Wallets.class, 10, (work) -> new Wallets(work, ledger));
		}

	}

}
