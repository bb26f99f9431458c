package eco.qubeprepaid.notifier.alert.web;

import java.util.List;
import java.util.Map;

import eco.qubeprepaid.notifier.alert.application.AlertIntake;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alertmanager's webhook receiver: {@code POST /api/service/alerts/alertmanager}, with
 * Alertmanager's service account (role {@code SERVICE}, HTTP Basic).
 */
@RestController
class AlertmanagerController {

	private final AlertIntake alerts;

	AlertmanagerController(AlertIntake alerts) {
		this.alerts = alerts;
	}

	@PostMapping("/api/service/alerts/alertmanager")
	Map<String, Integer> receive(@RequestBody Payload payload) {
		if (payload == null || payload.alerts() == null) {
			throw new IllegalArgumentException("the body is Alertmanager's webhook payload, with its alerts");
		}
		int accepted = this.alerts.receive(payload.alerts());
		return Map.of("received", payload.alerts().size(), "accepted", accepted);
	}

	/**
	 * Alertmanager's webhook payload (version 4); the fields not listed are ignored.
	 *
	 * @param version the payload version
	 * @param status the group's status
	 * @param alerts its alerts
	 */
	record Payload(String version, String status, List<AlertIntake.Alert> alerts) {
	}

}
