package eco.qubeprepaid.service.persistence;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an action once the current transaction commits (at once when there is none), so
 * that metrics count effects that happened, never a rolled-back or retried attempt. The
 * platform's, for every service.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * @param action what to run after the commit
	 */
	public static void run(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}
