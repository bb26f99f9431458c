package eco.qubeprepaid.qube.client.model;

/**
 * The answer to a write that is not verified by reading back (E3, P1, P6).
 *
 * @param confirmed {@code true} when {@code data} was {@code true} or an object
 * @param message the server's human-readable message, may be {@code null}
 */
public record WriteAck(boolean confirmed, String message) {
}
