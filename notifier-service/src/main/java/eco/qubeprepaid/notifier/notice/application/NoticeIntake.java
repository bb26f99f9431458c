package eco.qubeprepaid.notifier.notice.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.TenantLanguageChosen;
import eco.qubeprepaid.events.TenantMovedIn;
import eco.qubeprepaid.events.TenantMovedOut;
import eco.qubeprepaid.notifier.NotifierProperties;
import eco.qubeprepaid.notifier.channel.domain.ChannelName;
import eco.qubeprepaid.notifier.notice.domain.Audience;
import eco.qubeprepaid.notifier.notice.domain.ChannelChoice;
import eco.qubeprepaid.notifier.notice.domain.NoticeDraft;
import eco.qubeprepaid.notifier.notice.domain.NoticePlanner;
import eco.qubeprepaid.notifier.notice.domain.QuietHours;
import eco.qubeprepaid.notifier.notice.domain.Recipient;
import eco.qubeprepaid.notifier.notice.domain.Templates;
import eco.qubeprepaid.notifier.notice.domain.Urgency;
import eco.qubeprepaid.notifier.notice.domain.NoticeRow;
import eco.qubeprepaid.notifier.notice.persistence.NoticeStore;
import eco.qubeprepaid.notifier.notice.persistence.RecipientStore;
import eco.qubeprepaid.notifier.notice.domain.TenantRow;
import eco.qubeprepaid.service.persistence.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns consumed events into notices: one per event (or command), recipient and channel,
 * rendered in the recipient's language, recorded with the event's id in one transaction,
 * so a redelivered event changes nothing. Non-urgent tenant notices made in quiet hours
 * wait for their end. Tenants' moves keep the recipients.
 */
@Service
public class NoticeIntake {

	private static final Logger log = LoggerFactory.getLogger(NoticeIntake.class);

	private final NoticeStore notices;

	private final RecipientStore recipients;

	private final Channels channels;

	private final NotifierMetrics metrics;

	private final NotifierProperties properties;

	private final Clock clock;

	private final NoticePlanner planner = new NoticePlanner();

	private final Templates templates = new Templates();

	private final QuietHours quietHours;

	public NoticeIntake(NoticeStore notices, RecipientStore recipients, Channels channels, NotifierMetrics metrics,
			NotifierProperties properties, Clock clock) {
		this.notices = notices;
		this.recipients = recipients;
		this.channels = channels;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
		this.quietHours = new QuietHours(properties.quietHours().start(), properties.quietHours().end());
	}

	/**
	 * Applies one consumed event, once.
	 * @param event the event
	 */
	@Transactional
	public void accept(DomainEvent event) {
		if (!this.notices.markProcessed(event.eventId(), EventType.of(event).token())) {
			return;
		}
		Instant now = this.clock.instant();
		if (event instanceof TenantMovedIn in) {
			this.recipients.movedIn(new TenantRow(in.tenantId(), in.premiseId(), in.name(), in.phone(), in.email(),
					in.language(), null, in.occurredAt(), null), now);
		}
		else if (event instanceof TenantMovedOut out) {
			this.recipients.movedOut(out.tenantId(), out.occurredAt());
		}
		else if (event instanceof TenantLanguageChosen chosen) {
			this.recipients.language(chosen.tenantId(), chosen.language(), now);
		}
		else {
			this.planner.plan(event).ifPresent(this::create);
		}
	}

	/**
	 * Makes the notices of a draft that does not come from Kafka (an alert), once per
	 * dedupe key: the key is recorded like a consumed event's id.
	 * @param draft the draft
	 * @return false if the key was seen before (nothing was made)
	 */
	@Transactional
	public boolean createOnce(NoticeDraft draft) {
		if (!this.notices.markProcessed(draft.dedupeKey(), draft.eventType())) {
			return false;
		}
		create(draft);
		return true;
	}

	/**
	 * Makes the notices of a draft (e.g. an alert) for its audience, once per dedupe key,
	 * recipient and channel.
	 * @param draft the draft
	 * @return how many notices were added (0 when every one existed)
	 */
	@Transactional
	public int create(NoticeDraft draft) {
		Instant now = this.clock.instant();
		List<NoticeRow> added = new ArrayList<>();
		for (Recipient recipient : recipientsOf(draft)) {
			Optional<Instant> held = (draft.kind().audience() == Audience.TENANT
					&& draft.kind().urgency() == Urgency.NORMAL) ? this.quietHours.holdUntil(now) : Optional.empty();
			for (Map.Entry<ChannelName, String> address : recipient.addresses().entrySet()) {
				Map<String, String> params = new java.util.HashMap<>(draft.params());
				params.put("name", recipient.name());
				params.put("premise", (draft.premiseId() != null) ? draft.premiseId() : "-");
				Templates.Rendered text = this.templates.render(draft.kind(), address.getKey(), recipient.language(),
						params);
				NoticeRow notice = new NoticeRow(UUID.randomUUID(), draft.dedupeKey(), draft.eventType(),
						draft.kind().token(), draft.kind().urgency().token(), draft.premiseId(), recipient.key(),
						address.getKey(), address.getValue(), recipient.language(), text.subject(), text.body(),
						"PENDING", 0, now, held.orElse(null), held.orElse(now), null, null, null, null);
				if (this.notices.insert(notice)) {
					added.add(notice);
				}
			}
		}
		if (!added.isEmpty()) {
			AfterCommit.run(() -> added.forEach((notice) -> this.metrics.created(notice.kind(), notice.urgency())));
			log.info("{} notice(s) {} for {}", added.size(), draft.kind().token(),
					(draft.premiseId() != null) ? draft.premiseId() : "operators");
		}
		return added.size();
	}

	private List<Recipient> recipientsOf(NoticeDraft draft) {
		if (draft.kind().audience() == Audience.OPERATORS) {
			NotifierProperties.Operators operators = this.properties.operators();
			Map<ChannelName, String> addresses = new java.util.EnumMap<>(ChannelName.class);
			if (!operators.webhookUrl().isBlank() && this.channels.enabled().contains(ChannelName.WEBHOOK)) {
				addresses.put(ChannelName.WEBHOOK, operators.webhookUrl());
			}
			if (!operators.email().isBlank() && this.channels.enabled().contains(ChannelName.EMAIL)) {
				addresses.put(ChannelName.EMAIL, operators.email());
			}
			return addresses.isEmpty() ? List.of()
					: List.of(new Recipient(Recipient.OPERATORS, "Operators", operators.language(), addresses));
		}
		if (draft.premiseId() == null) {
			return List.of();
		}
		return this.recipients.currentOf(draft.premiseId())
			.map((tenant) -> new Recipient(Recipient.tenantKey(tenant.tenantId()), tenant.name(), tenant.language(),
					ChannelChoice.forTenant(tenant.phone(), tenant.email(), tenant.channels(),
							this.channels.enabled())))
			.filter((recipient) -> !recipient.addresses().isEmpty())
			.map(List::of)
			.orElse(List.of());
	}

}
