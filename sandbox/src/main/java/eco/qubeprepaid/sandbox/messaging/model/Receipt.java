package eco.qubeprepaid.sandbox.messaging.model;

import java.time.Instant;

/**
 * A delivery receipt: a message's final status as the provider reports it to the receipt
 * URL.
 *
 * @param messageId the message
 * @param clientReference the caller's reference of the message
 * @param channel its channel
 * @param status delivered or failed
 * @param error null, {@code undelivered} or {@code dnd_blocked}
 * @param at when the message reached that status
 */
public record Receipt(String messageId, String clientReference, Channel channel, MessageStatus status, String error,
		Instant at) {

}
