package eco.qubeprepaid.notifier.notice.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import eco.qubeprepaid.notifier.NotifierProperties;
import eco.qubeprepaid.notifier.channel.domain.DeliveryChannel;
import eco.qubeprepaid.notifier.channel.domain.Message;
import eco.qubeprepaid.notifier.channel.domain.SendResult;
import eco.qubeprepaid.notifier.notice.domain.Backoff;
import eco.qubeprepaid.notifier.notice.domain.NoticeRow;
import eco.qubeprepaid.notifier.notice.persistence.NoticeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the notices that are due, one attempt each, through their channel: a sent notice
 * is recorded with the provider's id, a failure is tried again with back-off, and after
 * the last attempt (or a refusal no retry can mend) the notice is dead-lettered. Every
 * attempt is in the delivery log. Notices are claimed under a lease, so replicas never
 * send the same one at once and one whose sender died is sent later by another; the
 * provider and the operators' webhook receive the notice id as the idempotency key of
 * such a repeat.
 */
@Component
public class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final NoticeStore store;

	private final Channels channels;

	private final NotifierMetrics metrics;

	private final NotifierProperties.Delivery settings;

	private final Backoff backoff;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private ScheduledExecutorService executor;

	private volatile boolean running;

	public Dispatcher(NoticeStore store, Channels channels, NotifierMetrics metrics, NotifierProperties properties,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.store = store;
		this.channels = channels;
		this.metrics = metrics;
		this.settings = properties.delivery();
		this.backoff = new Backoff(this.settings.firstRetry(), this.settings.maxRetryInterval(),
				this.settings.maxAttempts());
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Sends what is due now, in rounds, until nothing is.
	 * @return how many notices were tried
	 */
	public int sendDue() {
		int tried = 0;
		while (this.running || this.executor == null) {
			Instant now = this.clock.instant();
			List<NoticeRow> due = this.transactions.execute(
					(status) -> this.store.claimDue(now, now.plus(this.settings.lease()), this.settings.batchSize()));
			if (due == null || due.isEmpty()) {
				return tried;
			}
			for (NoticeRow notice : due) {
				attempt(notice);
				tried++;
			}
		}
		return tried;
	}

	private void attempt(NoticeRow notice) {
		int attempt = notice.attempts() + 1;
		SendResult result;
		DeliveryChannel channel = this.channels.get(notice.channel()).orElse(null);
		if (channel == null || !channel.enabled()) {
			result = SendResult.retry("the " + notice.channel().token() + " channel is not configured");
		}
		else {
			try {
				result = channel
					.send(new Message(notice.noticeId(), notice.channel(), notice.address(), notice.subject(),
							notice.body(), notice.language(), notice.kind(), notice.premiseId(), notice.createdAt()));
			}
			catch (RuntimeException ex) {
				result = SendResult.retry(ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
		}
		Instant at = this.clock.instant();
		SendResult outcome = result;
		String recorded = this.transactions.execute((status) -> {
			switch (outcome.status()) {
				case SENT -> {
					this.store.sent(notice.noticeId(), attempt, at, outcome.providerMessageId());
					return "sent";
				}
				case RETRY -> {
					if (this.backoff.mayRetry(attempt)) {
						this.store.retry(notice.noticeId(), attempt, at, at.plus(this.backoff.pauseAfter(attempt)),
								outcome.detail());
						return "retry";
					}
					this.store.dead(notice.noticeId(), attempt, at, outcome.detail());
					return "dead-letter";
				}
				default -> {
					this.store.dead(notice.noticeId(), attempt, at, outcome.detail());
					return "dead-letter";
				}
			}
		});
		this.metrics.attempt(notice.channel(), recorded);
		if ("dead-letter".equals(recorded)) {
			log.warn("Notice {} ({} by {} to {}) dead-lettered after {} attempt(s): {}", notice.noticeId(),
					notice.kind(), notice.channel().token(), notice.recipient(), attempt, outcome.detail());
		}
		else if ("retry".equals(recorded)) {
			log.info("Notice {} ({} by {}) attempt {} failed, will retry: {}", notice.noticeId(), notice.kind(),
					notice.channel().token(), attempt, outcome.detail());
		}
	}

	@Override
	public void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "notice-dispatcher");
			thread.setDaemon(true);
			return thread;
		});
		this.running = true;
		long interval = this.settings.pollInterval().toMillis();
		this.executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void round() {
		try {
			sendDue();
		}
		catch (RuntimeException ex) {
			// The database away: the notices stay pending and the next round tries again.
			log.warn("Sending notices failed, retrying in {}: {}", this.settings.pollInterval(), ex.toString());
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.executor != null) {
			this.executor.shutdown();
			try {
				this.executor.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
