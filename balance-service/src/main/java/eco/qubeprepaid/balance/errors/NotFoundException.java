package eco.qubeprepaid.balance.errors;

/**
 * Something a request names does not exist; the API answers 404 with {@link #title()} and
 * the message. Thrown by application services, mapped by {@code web.ApiErrors}, so that
 * neither imports the other's feature.
 */
public class NotFoundException extends RuntimeException {

	private final String title;

	public NotFoundException(String title, String message) {
		super(message);
		this.title = title;
	}

	/**
	 * @return the problem's title, e.g. {@code Unknown premise}
	 */
	public String title() {
		return this.title;
	}

}
