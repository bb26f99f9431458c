package eco.qubeprepaid.notifier.notice.application;

import java.time.Clock;

import eco.qubeprepaid.notifier.channel.domain.ChannelName;
import eco.qubeprepaid.notifier.notice.domain.NoticeKind;
import eco.qubeprepaid.notifier.notice.persistence.NoticeStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * notifier-service's meters (docs/metrics.md): notices created by kind, attempts by
 * channel and outcome, receipts, alerts received, and the queue's gauges. No premise,
 * tenant or address is ever a tag.
 */
@Component
public class NotifierMetrics {

	private final MeterRegistry registry;

	public NotifierMetrics(MeterRegistry registry, NoticeStore store, Clock clock) {
		this.registry = registry;
		Gauge.builder("notifier.notifications.pending", store, (s) -> s.countPending())
			.description("Notices not yet sent (quiet hours and back-off included)")
			.register(registry);
		Gauge.builder("notifier.notifications.held", store, (s) -> s.countHeld(clock.instant()))
			.description("Notices held back by quiet hours")
			.register(registry);
		// Created at zero so that the dashboards and the dead-letter alert have a series
		// from the start, before the first failure.
		for (ChannelName channel : ChannelName.values()) {
			for (String outcome : new String[] { "sent", "retry", "dead-letter" }) {
				attempts(channel, outcome);
			}
		}
		for (NoticeKind kind : NoticeKind.values()) {
			notices(kind.token(), kind.urgency().token());
		}
		for (String status : new String[] { "delivered", "failed" }) {
			receipts(status);
		}
		for (String status : new String[] { "firing", "resolved" }) {
			for (String outcome : new String[] { "accepted", "duplicate" }) {
				alerts(status, outcome);
			}
		}
	}

	void created(String kind, String urgency) {
		notices(kind, urgency).increment();
	}

	// Not "notifier.notifications.created": Prometheus takes a "_created" suffix for a
	// counter's creation time, and refuses the name beside notifier.notifications.
	private Counter notices(String kind, String urgency) {
		return Counter.builder("notifier.notices")
			.description("Notices made, one per event (or command), recipient and channel")
			.tag("kind", kind)
			.tag("urgency", urgency)
			.register(this.registry);
	}

	void attempt(ChannelName channel, String outcome) {
		attempts(channel, outcome).increment();
	}

	void receipt(String status) {
		receipts(status).increment();
	}

	private Counter receipts(String status) {
		return Counter.builder("notifier.receipts")
			.description("Delivery receipts from the messaging provider")
			.tag("status", status)
			.register(this.registry);
	}

	/**
	 * Counts an alert received from Alertmanager.
	 * @param status firing or resolved
	 * @param outcome accepted or duplicate
	 */
	public void alert(String status, String outcome) {
		alerts(status, outcome).increment();
	}

	private Counter alerts(String status, String outcome) {
		return Counter.builder("notifier.alerts.received")
			.description("Alerts received from Alertmanager")
			.tag("status", status)
			.tag("outcome", outcome)
			.register(this.registry);
	}

	private Counter attempts(ChannelName channel, String outcome) {
		return Counter.builder("notifier.notifications")
			.description("Delivery attempts by channel and outcome")
			.tag("channel", channel.token())
			.tag("outcome", outcome)
			.register(this.registry);
	}

}
