package eco.qubeprepaid.notifier.notice.application;

import java.time.Clock;
import java.util.Optional;

import eco.qubeprepaid.notifier.NotifierProperties;
import eco.qubeprepaid.notifier.channel.domain.WebhookSignature;
import eco.qubeprepaid.notifier.notice.domain.NoticeRow;
import eco.qubeprepaid.notifier.notice.persistence.NoticeStore;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messaging provider's delivery receipts: signed with HMAC-SHA256 over the raw body,
 * applied to the notice the provider's message id names.
 */
@Service
public class Receipts {

	private final NoticeStore store;

	private final NotifierMetrics metrics;

	private final String secret;

	private final Clock clock;

	public Receipts(NoticeStore store, NotifierMetrics metrics, NotifierProperties properties, Clock clock) {
		this.store = store;
		this.metrics = metrics;
		this.secret = properties.messaging().receiptSecret();
		this.clock = clock;
	}

	/**
	 * @param body the raw body
	 * @param signature the hex signature header, or null
	 * @return whether the provider signed this body
	 */
	public boolean verify(byte[] body, String signature) {
		return WebhookSignature.verifies(this.secret, body, signature);
	}

	/**
	 * Applies a receipt.
	 * @param providerMessageId the provider's message id
	 * @param delivered whether it was delivered
	 * @param error the provider's error, or null
	 * @return the notice, or empty if no sent notice has that id yet (the provider
	 * retries)
	 */
	@Transactional
	public Optional<NoticeRow> apply(String providerMessageId, boolean delivered, String error) {
		Optional<NoticeRow> notice = this.store.receipt(providerMessageId, delivered, this.clock.instant(), error);
		notice.filter((row) -> row.status().equals("SENT"))
			.ifPresent((row) -> this.metrics.receipt(delivered ? "delivered" : "failed"));
		return notice;
	}

}
