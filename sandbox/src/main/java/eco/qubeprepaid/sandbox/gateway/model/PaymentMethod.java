package eco.qubeprepaid.sandbox.gateway.model;

import java.util.Locale;

/** How the payer paid. */
public enum PaymentMethod {

	/** UPI, with a VPA. */
	UPI,

	/** A debit or credit card. */
	CARD,

	/** Net banking. */
	NETBANKING;

	/** The wire name. */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The method of a wire name, or null when it names none. */
	public static PaymentMethod parse(String wire) {
		for (PaymentMethod method : values()) {
			if (method.wire().equals(wire)) {
				return method;
			}
		}
		return null;
	}

}
