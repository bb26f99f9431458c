package eco.qubeprepaid.events;

import java.util.Objects;

/** Precondition checks shared by the event records' constructors. */
final class Require {

	private Require() {
	}

	static <T> T present(T value, String name) {
		return Objects.requireNonNull(value, () -> name + " is required");
	}

	static String text(String value, String name) {
		present(value, name);
		if (value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

	static long nonNegative(long value, String name) {
		if (value < 0) {
			throw new IllegalArgumentException(name + " must be zero or more, was " + value);
		}
		return value;
	}

	static long positive(long value, String name) {
		if (value <= 0) {
			throw new IllegalArgumentException(name + " must be more than zero, was " + value);
		}
		return value;
	}

}
