package eco.qubeprepaid.sandbox.gateway.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a refund request asked for, compared field by field when an idempotency key comes
 * again.
 *
 * @param paymentId the payment in the path
 * @param amount paise, or null for the rest
 * @param notes notes (empty when none)
 * @param receipt receipt, or null
 */
public record RefundRequest(String paymentId, Long amount, Map<String, String> notes, String receipt) {

	public RefundRequest {
		notes = (notes != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(notes)) : Map.of();
	}

	/**
	 * The first field in which {@code other} differs from this request, or null when they
	 * are the same request.
	 */
	public String mismatch(RefundRequest other) {
		if (!this.paymentId.equals(other.paymentId)) {
			return "payment_id";
		}
		if (!Objects.equals(this.amount, other.amount)) {
			return "amount";
		}
		if (!this.notes.equals(other.notes)) {
			return "notes";
		}
		if (!Objects.equals(this.receipt, other.receipt)) {
			return "receipt";
		}
		return null;
	}

}
