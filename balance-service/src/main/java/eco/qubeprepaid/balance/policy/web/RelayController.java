package eco.qubeprepaid.balance.policy.web;

import java.time.Instant;
import java.util.List;
import java.security.Principal;
import java.util.UUID;

import eco.qubeprepaid.balance.policy.application.RelayOperations;
import eco.qubeprepaid.balance.policy.application.RelayOperations.RelayStatus;
import eco.qubeprepaid.balance.policy.domain.PolicyState;
import eco.qubeprepaid.balance.policy.domain.EnforcementMode;
import eco.qubeprepaid.balance.policy.domain.Observation;
import eco.qubeprepaid.balance.policy.domain.PremisePolicy;
import eco.qubeprepaid.balance.policy.domain.TrackedCommand;
import eco.qubeprepaid.balance.errors.BadRequestException;
import eco.qubeprepaid.balance.web.Operators;
import eco.qubeprepaid.balance.policy.domain.OverrideEntry;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API of a premise's relay: force it off or on (audited), and see where the
 * premise stands: the relay state asked for versus the one the poller confirmed, a
 * scheduled cut-off, and the audit of forced switches.
 */
@RestController
public class RelayController {

	/** The most audit rows one view shows. */
	static final int MAX_AUDIT = 50;

	private final RelayOperations relays;

	public RelayController(RelayOperations relays) {
		this.relays = relays;
	}

	@PostMapping("/api/premises/{premiseId}/relay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	public ForcedView force(@PathVariable String premiseId, @RequestBody ForceRequest request, Principal account) {
		if (request.on() == null) {
			throw new BadRequestException("on is required: true to switch the supply on, false to cut it");
		}
		if (request.reason() == null || request.reason().isBlank()) {
			throw new BadRequestException("reason is required (why the relay is forced, for the audit trail)");
		}
		UUID commandId = this.relays.force(premiseId, request.on(), Operators.of(account, request.operator()),
				request.reason().trim());
		return new ForcedView(premiseId, request.on(), commandId);
	}

	@GetMapping("/api/premises/{premiseId}/relay")
	public RelayView state(@PathVariable String premiseId) {
		RelayStatus status = this.relays.status(premiseId, MAX_AUDIT);
		PolicyState state = status.state();
		PremisePolicy policy = status.policy();
		TrackedCommand command = state.relayCommand();
		Observation latest = state.latest();
		EnforcementMode effective = policy.effectiveMode(latest);
		String mismatch = (policy.mode() == EnforcementMode.SYSTEM && effective == EnforcementMode.METER)
				? "the policy asks for system enforcement, but the meter is in PREPAID mode: it deducts and cuts"
						+ " itself at zero whatever the hour, so friendly windows and emergency credit do not hold;"
						+ " switch it to POSTPAID for them"
				: null;
		return new RelayView(premiseId, state.phase().name(), (latest != null) ? latest.relayOn() : null,
				(command != null) ? command.relayOn() : null, (command != null) ? command.commandId() : null,
				(command != null) ? command.status().name() : null, state.confirmedRelayOn(), state.scheduledCutoffAt(),
				state.operatorHold(), policy.mode().name(), effective.name(), mismatch,
				(latest != null && latest.mode() != null) ? latest.mode().name() : null,
				(latest != null) ? latest.observedAt() : null, state.supplyOwedSince(), state.restoreRequests(),
				state.overdueReported(),
				status.commands()
					.stream()
					.map((c) -> new CommandView(c.commandId(), c.command().name(), c.balancePaise(), c.reason(),
							c.requestedBy(), c.sequence(), c.requestedAt(), c.expiresAt(), c.status().name(), c.asks(),
							c.settledAt(), c.failureCode()))
					.toList(),
				status.overrides());
	}

	/**
	 * An operator's forced switch.
	 *
	 * @param on {@code true} to switch the supply on, {@code false} to cut it
	 * @param operator who asked, if not the account itself (recorded with the account)
	 * @param reason why
	 */
	public record ForceRequest(Boolean on, String operator, String reason) {
	}

	/**
	 * The command sent for a forced switch.
	 *
	 * @param premiseId the premise
	 * @param on the direction
	 * @param commandId the command's id, to follow its outcome
	 */
	public record ForcedView(String premiseId, boolean on, UUID commandId) {
	}

	/**
	 * Where a premise's relay stands.
	 *
	 * @param premiseId the premise
	 * @param phase {@code CLEAR}, {@code OWED}, {@code CUT} or {@code WAIVED}
	 * @param reportedRelayOn the relay state in the newest snapshot
	 * @param requestedRelayOn the direction of the last command requested
	 * @param commandId that command's id
	 * @param commandStatus {@code REQUESTED}, {@code COMPLETED} or {@code FAILED}
	 * @param confirmedRelayOn the relay state the poller last verified
	 * @param scheduledCutoffAt a cut-off deferred by a friendly window, or {@code null}
	 * @param operatorHold whether an operator holds the supply off
	 * @param enforcement who the policy says enforces the cut-off ({@code SYSTEM} or
	 * {@code METER})
	 * @param effectiveEnforcement who does in fact (a PREPAID meter enforces itself)
	 * @param enforcementMismatch why the two differ, or {@code null}
	 * @param meterMode the meter's mode in the newest snapshot, or {@code null}
	 * @param latestObservedAt when the newest snapshot the policy has seen was read, or
	 * {@code null}
	 * @param supplyOwedSince since when the supply is owed and not yet seen on, or
	 * {@code null}
	 * @param restoreRequests how many restore rounds were requested in this episode
	 * @param restoreOverdue whether the owed supply was reported overdue
	 * @param commands the device commands requested for the premise, newest first
	 * @param overrides the operators' forced switches, newest first
	 */
	public record RelayView(String premiseId, String phase, Boolean reportedRelayOn, Boolean requestedRelayOn,
			UUID commandId, String commandStatus, Boolean confirmedRelayOn, Instant scheduledCutoffAt,
			boolean operatorHold, String enforcement, String effectiveEnforcement, String enforcementMismatch,
			String meterMode, Instant latestObservedAt, Instant supplyOwedSince, int restoreRequests,
			boolean restoreOverdue, List<CommandView> commands, List<OverrideEntry> overrides) {
	}

	/**
	 * A device command requested for the premise and what became of it.
	 *
	 * @param commandId its id
	 * @param command {@code RELAY_ON}, {@code RELAY_OFF} or {@code SET_BALANCE}
	 * @param balancePaise the balance set, or {@code null}
	 * @param reason why
	 * @param requestedBy who
	 * @param sequence the premise's command order
	 * @param requestedAt when
	 * @param expiresAt until when the poller may apply it
	 * @param status {@code REQUESTED}, {@code COMPLETED} or {@code FAILED}
	 * @param asks how often it was asked (re-asked when no outcome came in time)
	 * @param settledAt when its outcome came, or {@code null}
	 * @param failureCode why it failed, or {@code null}
	 */
	public record CommandView(UUID commandId, String command, Long balancePaise, String reason, String requestedBy,
			long sequence, Instant requestedAt, Instant expiresAt, String status, int asks, Instant settledAt,
			String failureCode) {
	}

}
