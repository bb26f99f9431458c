package eco.qubeprepaid.balance.ledger.domain;

import java.time.Instant;

/**
 * One line of a statement.
 *
 * @param kind the movement's kind
 * @param description the line's text
 * @param reference the movement's idempotency key
 * @param occurredAt when the effect happened
 * @param amountPaise the change to the balance (negative for a charge)
 * @param balanceAfterPaise the balance right after the line
 */
public record StatementLine(String kind, String description, String reference, Instant occurredAt, long amountPaise,
		long balanceAfterPaise) {
}
