package eco.qubeprepaid.service.messaging;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure that passes by itself (the database or the broker away for a while, a
 * deadlock, a serialization conflict) from one that would happen again on the same input.
 * A transient failure is retried without a limit, so that an outage never dead-letters a
 * record that was accepted; only a record that can never be applied goes to a dead-letter
 * topic.
 */
public final class TransientFailures {

	/**
	 * SQLSTATE classes and codes of failures that pass: connection exceptions (08),
	 * insufficient resources (53), operator intervention such as a shutdown (57),
	 * serialization failure and deadlock (40001, 40P01), lock not available (55P03).
	 */
	private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "53", "57");

	private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03");

	private TransientFailures() {
	}

	/**
	 * @param failure a failure
	 * @return whether it, or any of its causes, is a transient failure of the database or
	 * the broker
	 */
	public static boolean isTransient(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
			if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
					|| cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
					|| cause instanceof ConnectException
					|| cause instanceof org.apache.kafka.common.errors.RetriableException
					|| cause instanceof org.apache.kafka.common.errors.TimeoutException
					|| cause instanceof org.springframework.kafka.KafkaException && isBrokerTimeout(cause)) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				if (TRANSIENT_STATES.contains(state)
						|| (state.length() >= 2 && TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2)))) {
					return true;
				}
			}
			if (cause instanceof IOException && cause.getClass().getName().startsWith("java.net")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static boolean isBrokerTimeout(Throwable kafka) {
		return kafka.getCause() instanceof java.util.concurrent.TimeoutException;
	}

}
