package eco.qubeprepaid.notifier.notice.application;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eco.qubeprepaid.notifier.notice.domain.AttemptRow;
import eco.qubeprepaid.notifier.notice.domain.NoticeRow;
import eco.qubeprepaid.notifier.notice.persistence.NoticeStore;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operators' view of the notices and their delivery log, and requeuing dead ones. */
@Service
public class DeliveryLog {

	/** The statuses a notice can be in. */
	public static final Set<String> STATUSES = Set.of("PENDING", "SENT", "DELIVERED", "UNDELIVERED", "DEAD");

	private final NoticeStore store;

	private final Clock clock;

	public DeliveryLog(NoticeStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Lists notices, newest first.
	 * @param premiseId only this premise's, or null
	 * @param status only in this status (any case), or null
	 * @param kind only of this kind, or null
	 * @param limit 1..500
	 * @return the notices
	 * @throws IllegalArgumentException for an unknown status or a limit out of range
	 */
	@Transactional(readOnly = true)
	public List<NoticeRow> list(String premiseId, String status, String kind, int limit) {
		String wanted = (status != null) ? status.toUpperCase(Locale.ROOT) : null;
		if (wanted != null && !STATUSES.contains(wanted)) {
			throw new IllegalArgumentException("status is one of "
					+ String.join(", ", STATUSES.stream().sorted().toList()) + ", not '" + status + "'");
		}
		if (limit < 1 || limit > 500) {
			throw new IllegalArgumentException("limit is between 1 and 500, not " + limit);
		}
		return this.store.list(premiseId, wanted, kind, limit);
	}

	/**
	 * @param noticeId a notice
	 * @return it with its delivery log
	 */
	@Transactional(readOnly = true)
	public Optional<Entry> get(UUID noticeId) {
		return this.store.find(noticeId).map((notice) -> new Entry(notice, this.store.attempts(noticeId)));
	}

	/**
	 * Puts a dead-lettered notice back in the queue (e.g. after the provider's outage).
	 * @param noticeId the notice
	 * @param operator who, and why
	 * @return whether it was dead and is queued again
	 */
	@Transactional
	public boolean requeue(UUID noticeId, String operator) {
		return this.store.requeue(noticeId, this.clock.instant(), operator);
	}

	/**
	 * A notice and its delivery log.
	 *
	 * @param notice the notice
	 * @param attempts every attempt and receipt, oldest first
	 */
	public record Entry(NoticeRow notice, List<AttemptRow> attempts) {
	}

}
