package eco.qubeprepaid.notifier.notice.domain;

import java.time.Instant;
import java.util.UUID;

import eco.qubeprepaid.notifier.channel.domain.ChannelName;

/**
 * A stored notice.
 *
 * @param noticeId its id
 * @param eventId the event (or alert) that made it
 * @param eventType the event's type token
 * @param kind the kind token
 * @param urgency {@code urgent} or {@code normal}
 * @param premiseId the premise, or null
 * @param recipient {@code tenant:<id>} or {@code operators}
 * @param channel the channel
 * @param address the address on it
 * @param language the language
 * @param subject the subject
 * @param body the text
 * @param status PENDING, SENT, DELIVERED, UNDELIVERED or DEAD
 * @param attempts attempts made
 * @param createdAt when it was made
 * @param heldUntil the end of the quiet hours it waits for, or null
 * @param nextAttemptAt when it may be tried next
 * @param sentAt when it was sent
 * @param deliveredAt when a receipt said it was delivered (or not)
 * @param providerMessageId the provider's id
 * @param lastError the last failure
 */
public record NoticeRow(UUID noticeId, UUID eventId, String eventType, String kind, String urgency, String premiseId,
		String recipient, ChannelName channel, String address, String language, String subject, String body,
		String status, int attempts, Instant createdAt, Instant heldUntil, Instant nextAttemptAt, Instant sentAt,
		Instant deliveredAt, String providerMessageId, String lastError) {
}
