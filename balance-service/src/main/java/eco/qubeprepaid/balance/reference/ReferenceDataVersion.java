package eco.qubeprepaid.balance.reference;

import org.jooq.DSLContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static eco.qubeprepaid.balance.jooq.Tables.REFERENCE_DATA_VERSION;

/**
 * The version of the reference data (tariff versions, policies and holidays), which a
 * database trigger moves on every change to those tables (migration V5), whichever
 * instance makes it. It is read at most once per transaction: every snapshot's tariff and
 * policy look-ups then cost one small query together instead of one each.
 */
@Component
public class ReferenceDataVersion {

	private final DSLContext dsl;

	public ReferenceDataVersion(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * The current version, as read first in the current transaction (or now, outside of
	 * one).
	 * @return the version
	 */
	public long current() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return fetch();
		}
		Long known = (Long) TransactionSynchronizationManager.getResource(this);
		if (known != null) {
			return known;
		}
		long version = fetch();
		TransactionSynchronizationManager.bindResource(this, version);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(ReferenceDataVersion.this);
			}
		});
		return version;
	}

	/**
	 * Forgets the version read in the current transaction, after this transaction changed
	 * the reference data (the trigger has moved the version).
	 */
	public void forgetInTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.unbindResourceIfPossible(this);
		}
	}

	private long fetch() {
		return this.dsl.select(REFERENCE_DATA_VERSION.VERSION)
			.from(REFERENCE_DATA_VERSION)
			.fetchSingle(REFERENCE_DATA_VERSION.VERSION);
	}

}
