package eco.qubeprepaid.notifier.notice.application;

import java.time.Clock;

import eco.qubeprepaid.notifier.channel.domain.ChannelName;
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
		Gauge.builder("notifier.notifications.pending", store, (s) -> s.countPending(clock.instant()))
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
	}

	void created(String kind, String urgency) {
		Counter.builder("notifier.notifications.created")
			.description("Notices created, one per event, recipient and channel")
			.tag("kind", kind)
			.tag("urgency", urgency)
			.register(this.registry)
			.increment();
	}

	void attempt(ChannelName channel, String outcome) {
		attempts(channel, outcome).increment();
	}

	void receipt(String status) {
		Counter.builder("notifier.receipts")
			.description("Delivery receipts from the messaging provider")
			.tag("status", status)
			.register(this.registry)
			.increment();
	}

	/**
	 * Counts an alert received from Alertmanager.
	 * @param status firing or resolved
	 * @param outcome accepted or duplicate
	 */
	public void alert(String status, String outcome) {
		Counter.builder("notifier.alerts.received")
			.description("Alerts received from Alertmanager")
			.tag("status", status)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	private Counter attempts(ChannelName channel, String outcome) {
		return Counter.builder("notifier.notifications")
			.description("Delivery attempts by channel and outcome")
			.tag("channel", channel.token())
			.tag("outcome", outcome)
			.register(this.registry);
	}

}
