package eco.qubeprepaid.events;

/**
 * A record that cannot be turned into a valid event: unknown type, unsupported version,
 * unparseable JSON or a violated constraint. Consumers send such records to a dead-letter
 * topic with this message as the reason.
 */
public class MalformedEventException extends RuntimeException {

	public MalformedEventException(String message) {
		super(message);
	}

	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
