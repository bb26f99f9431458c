package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * balance-service credited a premise's wallet: a captured payment, the opening balance
 * adopted from the meter when the premise was first seen, credit that reached the meter
 * from outside the ledger (Qube's own gateway), an operator's credit adjustment, or a
 * refund debit given back because the gateway refused the refund.
 *
 * @param eventId the event id
 * @param occurredAt when the ledger entry was committed
 * @param premiseId the premise's stable identity
 * @param paymentId the gateway's payment id (the idempotency key); for the other sources
 * the ledger's own key ({@code opening:<premise>}, {@code meter-credit:<snapshot>},
 * {@code adjustment:<premise>:<key>}, {@code refund-reversal:<refund>})
 * @param amountPaise the amount credited
 * @param balanceAfterPaise the wallet balance after the credit
 * @param source where the money came from: {@value #SOURCE_TOP_UP},
 * {@value #SOURCE_OPENING}, {@value #SOURCE_METER}, {@value #SOURCE_ADJUSTMENT} or
 * {@value #SOURCE_REFUND_REVERSAL}; {@code null} in older payloads means a top-up (added
 * within version 1)
 */
public record BalanceCredited(UUID eventId, Instant occurredAt, String premiseId, String paymentId, long amountPaise,
		long balanceAfterPaise, String source) implements DomainEvent {

	/** A payment captured by the gateway. */
	public static final String SOURCE_TOP_UP = "top-up";

	/** The meter's balance adopted when the premise was first seen. */
	public static final String SOURCE_OPENING = "opening-balance";

	/**
	 * Credit found on the meter that the ledger had not given it (Qube's own gateway).
	 */
	public static final String SOURCE_METER = "meter-credit";

	/** An operator's credit adjustment, with a reason. */
	public static final String SOURCE_ADJUSTMENT = "adjustment";

	/** A refund's debit given back: the gateway refused the refund for good. */
	public static final String SOURCE_REFUND_REVERSAL = "refund-reversal";

	private static final Set<String> SOURCES = java.util.Set.of(SOURCE_TOP_UP, SOURCE_OPENING, SOURCE_METER,
			SOURCE_ADJUSTMENT, SOURCE_REFUND_REVERSAL);

	public BalanceCredited {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.text(paymentId, "paymentId");
		Require.positive(amountPaise, "amountPaise");
		if (source != null && !SOURCES.contains(source)) {
			throw new IllegalArgumentException("unknown credit source '" + source + "'");
		}
	}

}
