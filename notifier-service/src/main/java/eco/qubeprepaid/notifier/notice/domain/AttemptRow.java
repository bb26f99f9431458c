package eco.qubeprepaid.notifier.notice.domain;

import java.time.Instant;

/**
 * One line of the delivery log.
 *
 * @param attempt the attempt's number (0 for an operator's requeue)
 * @param at when
 * @param outcome sent, retry, dead-letter, delivered, undelivered or requeued
 * @param detail the provider's id or the error
 */
public record AttemptRow(int attempt, Instant at, String outcome, String detail) {
}
