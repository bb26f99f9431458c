package eco.qubeprepaid.notifier.channel.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One rendered notice on its way out through one channel.
 *
 * @param noticeId the notice's id: the provider's client reference and the webhook's
 * idempotency key, so that a send repeated after a crash is recognised downstream
 * @param channel the channel
 * @param address where to: an email address, an E.164 number, or a URL
 * @param subject a subject line (email, webhook)
 * @param body the text
 * @param language {@code en} or {@code hi}
 * @param kind the notice's kind token, e.g. {@code cutoff-done}
 * @param premiseId the premise it is about, or {@code null} (an alert)
 * @param createdAt when the notice was created
 */
public record Message(UUID noticeId, ChannelName channel, String address, String subject, String body, String language,
		String kind, String premiseId, Instant createdAt) {
}
