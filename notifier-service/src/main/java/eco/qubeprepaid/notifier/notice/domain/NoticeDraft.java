package eco.qubeprepaid.notifier.notice.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A notice to be made from one event, before its recipients and channels are known.
 *
 * @param dedupeKey what makes it once: the event's id, or for a command's outcome the
 * command's id (a command answered twice is told once)
 * @param eventType the event's type token, for the delivery log
 * @param kind the kind of notice
 * @param premiseId the premise, or {@code null} for an alert
 * @param occurredAt when the event happened
 * @param params the template's values, already written for people (₹ amounts, IST times)
 */
public record NoticeDraft(UUID dedupeKey, String eventType, NoticeKind kind, String premiseId, Instant occurredAt,
		Map<String, String> params) {

	public NoticeDraft {
		params = Map.copyOf(params);
	}

}
