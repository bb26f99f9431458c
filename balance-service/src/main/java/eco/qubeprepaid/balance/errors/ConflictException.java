package eco.qubeprepaid.balance.errors;

/**
 * A request the current state refuses; the API answers 409 with {@link #title()} and the
 * message, which says what to do instead.
 */
public class ConflictException extends RuntimeException {

	private final String title;

	public ConflictException(String title, String message) {
		super(message);
		this.title = title;
	}

	/**
	 * @return the problem's title, e.g. {@code Resolution refused}
	 */
	public String title() {
		return this.title;
	}

}
