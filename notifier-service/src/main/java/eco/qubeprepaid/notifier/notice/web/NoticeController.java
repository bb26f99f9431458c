package eco.qubeprepaid.notifier.notice.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.notifier.notice.application.DeliveryLog;
import eco.qubeprepaid.notifier.notice.domain.AttemptRow;
import eco.qubeprepaid.notifier.notice.domain.NoticeRow;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of the notices and their delivery log ({@code VIEWER}), and
 * requeuing a dead-lettered notice ({@code MONEY}).
 */
@RestController
@RequestMapping("/api/notices")
class NoticeController {

	private final DeliveryLog log;

	NoticeController(DeliveryLog log) {
		this.log = log;
	}

	@GetMapping
	List<NoticeView> list(@RequestParam(required = false) String premiseId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "50") int limit) {
		return this.log.list(premiseId, status, kind, limit).stream().map(NoticeView::of).toList();
	}

	@GetMapping("/{noticeId}")
	ResponseEntity<?> get(@PathVariable UUID noticeId) {
		return this.log.get(noticeId)
			.<ResponseEntity<?>>map(
					(entry) -> ResponseEntity.ok(new NoticeWithLog(NoticeView.of(entry.notice()), entry.attempts())))
			.orElseGet(() -> notFound(noticeId));
	}

	@PostMapping("/{noticeId}/requeue")
	ResponseEntity<?> requeue(@PathVariable UUID noticeId, Authentication operator) {
		if (this.log.get(noticeId).isEmpty()) {
			return notFound(noticeId);
		}
		if (!this.log.requeue(noticeId, "requeued by " + operator.getName())) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"Notice " + noticeId + " is not dead-lettered; only a dead letter is requeued");
			problem.setTitle("Not a dead letter");
			return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
		}
		return ResponseEntity.ok(this.log.get(noticeId).map((entry) -> NoticeView.of(entry.notice())).orElseThrow());
	}

	private static ResponseEntity<?> notFound(UUID noticeId) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"There is no notice " + noticeId);
		problem.setTitle("Unknown notice");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	/**
	 * A notice as operators see it.
	 *
	 * @param noticeId its id
	 * @param kind what it tells
	 * @param urgency urgent or normal
	 * @param premiseId the premise, or null
	 * @param recipient the tenant or operators
	 * @param channel the channel
	 * @param address where to
	 * @param language the language
	 * @param subject the subject
	 * @param body the text
	 * @param status its status
	 * @param attempts attempts made
	 * @param createdAt when it was made
	 * @param heldUntil the end of the quiet hours it waits for
	 * @param nextAttemptAt when it is tried next (pending)
	 * @param sentAt when it was sent
	 * @param deliveredAt when a receipt came
	 * @param lastError the last failure
	 * @param eventId the event that made it
	 * @param eventType that event's type
	 */
	record NoticeView(UUID noticeId, String kind, String urgency, String premiseId, String recipient, String channel,
			String address, String language, String subject, String body, String status, int attempts,
			Instant createdAt, Instant heldUntil, Instant nextAttemptAt, Instant sentAt, Instant deliveredAt,
			String lastError, UUID eventId, String eventType) {

		static NoticeView of(NoticeRow row) {
			return new NoticeView(row.noticeId(), row.kind(), row.urgency(), row.premiseId(), row.recipient(),
					row.channel().token(), row.address(), row.language(), row.subject(), row.body(), row.status(),
					row.attempts(), row.createdAt(), row.heldUntil(),
					row.status().equals("PENDING") ? row.nextAttemptAt() : null, row.sentAt(), row.deliveredAt(),
					row.lastError(), row.eventId(), row.eventType());
		}

	}

	/**
	 * A notice with its delivery log.
	 *
	 * @param notice the notice
	 * @param attempts every attempt and receipt
	 */
	record NoticeWithLog(NoticeView notice, List<AttemptRow> attempts) {
	}

}
