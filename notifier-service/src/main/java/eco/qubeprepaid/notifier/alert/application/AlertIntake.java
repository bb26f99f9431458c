package eco.qubeprepaid.notifier.alert.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import eco.qubeprepaid.notifier.notice.application.NoticeIntake;
import eco.qubeprepaid.notifier.notice.application.NotifierMetrics;
import eco.qubeprepaid.notifier.notice.domain.IstText;
import eco.qubeprepaid.notifier.notice.domain.NoticeDraft;
import eco.qubeprepaid.notifier.notice.domain.NoticeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts from Alertmanager's webhook receiver become operator notices, once per alert
 * (its fingerprint), state and start: Alertmanager repeats a group while it lasts and
 * retries a delivery that failed, and the operators hear of each firing and each
 * resolution once.
 */
@Service
public class AlertIntake {

	private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);

	private static final List<String> SHOWN_APART = List.of("alertname", "severity");

	private final NoticeIntake intake;

	private final NotifierMetrics metrics;

	public AlertIntake(NoticeIntake intake, NotifierMetrics metrics) {
		this.intake = intake;
		this.metrics = metrics;
	}

	/**
	 * Takes one delivery of Alertmanager's webhook (version 4).
	 * @param alerts its alerts
	 * @return how many were new
	 * @throws IllegalArgumentException for an alert without fingerprint, status or start
	 */
	@Transactional
	public int receive(List<Alert> alerts) {
		int accepted = 0;
		List<String[]> counted = new ArrayList<>();
		for (Alert alert : alerts) {
			String status = required(alert.status(), "status").toLowerCase(Locale.ROOT);
			if (!status.equals("firing") && !status.equals("resolved")) {
				throw new IllegalArgumentException("an alert's status is firing or resolved, not '" + status + "'");
			}
			String fingerprint = required(alert.fingerprint(), "fingerprint");
			Instant startsAt;
			try {
				startsAt = Instant.parse(required(alert.startsAt(), "startsAt"));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("startsAt is not an RFC 3339 time: '" + alert.startsAt() + "'");
			}
			Map<String, String> labels = (alert.labels() != null) ? alert.labels() : Map.of();
			Map<String, String> annotations = (alert.annotations() != null) ? alert.annotations() : Map.of();
			UUID key = UUID.nameUUIDFromBytes(
					("alert|" + fingerprint + "|" + status + "|" + startsAt).getBytes(StandardCharsets.UTF_8));
			Map<String, String> params = new LinkedHashMap<>();
			params.put("status", status.toUpperCase(Locale.ROOT));
			params.put("alertname", labels.getOrDefault("alertname", "(unnamed)"));
			params.put("severity", labels.getOrDefault("severity", "none"));
			params.put("summary", annotations.getOrDefault("summary", "(no summary)"));
			params.put("runbook", annotations.getOrDefault("runbook", "(no runbook)"));
			params.put("since", IstText.format(startsAt));
			params.put("labels", labelText(labels));
			params.put("time", IstText.format(startsAt));
			NoticeDraft draft = new NoticeDraft(key, "alertmanager-alert", NoticeKind.ALERT, null, startsAt, params);
			boolean fresh = this.intake.createOnce(draft);
			counted.add(new String[] { status, fresh ? "accepted" : "duplicate" });
			if (fresh) {
				accepted++;
				log.info("Alert {} {} ({}) accepted", params.get("alertname"), status, fingerprint);
			}
		}
		counted.forEach((pair) -> this.metrics.alert(pair[0], pair[1]));
		return accepted;
	}

	private static String labelText(Map<String, String> labels) {
		StringBuilder text = new StringBuilder();
		labels.entrySet()
			.stream()
			.filter((entry) -> !SHOWN_APART.contains(entry.getKey()))
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> text.append((text.length() > 0) ? ", " : "")
				.append(entry.getKey())
				.append('=')
				.append(entry.getValue()));
		return (text.length() > 0) ? text.toString() : "-";
	}

	private static String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("an alert needs its " + field);
		}
		return value;
	}

	/**
	 * One alert of Alertmanager's webhook payload.
	 *
	 * @param status firing or resolved
	 * @param labels its labels
	 * @param annotations its annotations (summary, runbook)
	 * @param startsAt when it began (RFC 3339)
	 * @param fingerprint Alertmanager's id of its label set
	 */
	public record Alert(String status, Map<String, String> labels, Map<String, String> annotations, String startsAt,
			String fingerprint) {
	}

}
