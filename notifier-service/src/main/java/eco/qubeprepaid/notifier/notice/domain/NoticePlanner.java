package eco.qubeprepaid.notifier.notice.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.BalanceDriftDetected;
import eco.qubeprepaid.events.BalanceWithdrawn;
import eco.qubeprepaid.events.CutoffScheduled;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandCompleted;
import eco.qubeprepaid.events.DeviceCommandFailed;
import eco.qubeprepaid.events.DeviceIdentityMissing;
import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.LowBalanceReached;
import eco.qubeprepaid.events.MeterOffline;
import eco.qubeprepaid.events.ReadingQuarantined;
import eco.qubeprepaid.events.SupplyRestoreOverdue;
import eco.qubeprepaid.events.TopUpFailed;
import eco.qubeprepaid.service.text.Rupees;

/**
 * Which notice, if any, an event makes, with the values its templates show, written for
 * people: amounts in rupees with two decimals, times in IST. Events nobody needs to hear
 * about (a debit for energy, a balance set on a meter, credit adopted at onboarding) make
 * none.
 */
public final class NoticePlanner {

	/** A command that a newer one replaced: nothing failed. */
	static final String SUPERSEDED = "superseded";

	/**
	 * @param event a consumed event
	 * @return the notice it makes, or empty
	 */
	public Optional<NoticeDraft> plan(DomainEvent event) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("time", IstText.format(event.occurredAt()));
		NoticeKind kind;
		java.util.UUID dedupe = event.eventId();
		if (event instanceof LowBalanceReached low) {
			kind = NoticeKind.LOW_BALANCE;
			params.put("balance", Rupees.format(low.balancePaise()));
			params.put("rung", low.threshold());
		}
		else if (event instanceof DeviceCommandCompleted done) {
			if (done.command() == DeviceCommand.SET_BALANCE) {
				return Optional.empty();
			}
			kind = (done.command() == DeviceCommand.RELAY_OFF) ? NoticeKind.CUTOFF_DONE : NoticeKind.SUPPLY_RESTORED;
			dedupe = done.commandId();
		}
		else if (event instanceof DeviceCommandFailed failed) {
			if (SUPERSEDED.equals(failed.errorCode())) {
				return Optional.empty();
			}
			kind = NoticeKind.COMMAND_FAILED;
			dedupe = failed.commandId();
			params.put("command", failed.command().name());
			params.put("code", failed.errorCode());
			params.put("detail", (failed.detail() != null) ? failed.detail() : "-");
			params.put("attempts", Integer.toString(failed.attempts()));
		}
		else if (event instanceof BalanceCredited credited) {
			String source = (credited.source() != null) ? credited.source() : BalanceCredited.SOURCE_TOP_UP;
			if (!BalanceCredited.SOURCE_TOP_UP.equals(source)) {
				return Optional.empty();
			}
			kind = NoticeKind.TOP_UP_RECEIVED;
			params.put("amount", Rupees.format(credited.amountPaise()));
			params.put("balance", Rupees.format(credited.balanceAfterPaise()));
		}
		else if (event instanceof BalanceWithdrawn withdrawn) {
			if (!BalanceWithdrawn.SOURCE_REFUND.equals(withdrawn.source())) {
				return Optional.empty();
			}
			kind = NoticeKind.REFUND;
			params.put("amount", Rupees.format(withdrawn.amountPaise()));
			params.put("balance", Rupees.format(withdrawn.balanceAfterPaise()));
		}
		else if (event instanceof CutoffScheduled scheduled) {
			kind = NoticeKind.CUTOFF_SCHEDULED;
			params.put("balance", Rupees.format(scheduled.balancePaise()));
			params.put("at", IstText.format(scheduled.scheduledFor()));
		}
		else if (event instanceof TopUpFailed failed) {
			kind = NoticeKind.PAYMENT_FAILED;
			params.put("amount", Rupees.format(failed.amountPaise()));
			params.put("reason", (failed.reason() != null) ? failed.reason() : "-");
		}
		else if (event instanceof DeviceIdentityMissing unidentified) {
			kind = NoticeKind.DEVICE_UNIDENTIFIED;
			params.put("device", unidentified.deviceId() + " (" + unidentified.deviceName() + ")");
			params.put("udf", unidentified.identityUdf());
			params.put("key", unidentified.apiKeyName());
		}
		else if (event instanceof MeterOffline offline) {
			kind = NoticeKind.METER_OFFLINE;
			params.put("since", IstText.format(offline.offlineSince()));
			params.put("device", offline.deviceId());
		}
		else if (event instanceof SupplyRestoreOverdue overdue) {
			kind = NoticeKind.RESTORE_OVERDUE;
			params.put("balance", Rupees.format(overdue.balancePaise()));
			params.put("since", IstText.format(overdue.owedSince()));
			params.put("requests", Integer.toString(overdue.restoreRequests()));
			params.put("error", (overdue.lastError() != null) ? overdue.lastError() : "-");
		}
		else if (event instanceof BalanceDriftDetected drift) {
			kind = NoticeKind.DRIFT;
			params.put("meter", Rupees.format(drift.meterBalancePaise()));
			params.put("expected", Rupees.format(drift.expectedMeterBalancePaise()));
			params.put("drift", Rupees.format(drift.driftPaise()));
			params.put("enforcement", drift.enforcement());
		}
		else if (event instanceof ReadingQuarantined quarantined) {
			kind = NoticeKind.QUARANTINE;
			params.put("energy", quarantined.energyKwh().toPlainString());
			params.put("baseline", quarantined.baselineEnergyKwh().toPlainString());
			params.put("reason", quarantined.reason());
			params.put("detail", quarantined.detail());
		}
		else {
			return Optional.empty();
		}
		return Optional.of(new NoticeDraft(dedupe, EventType.of(event).token(), kind, event.premiseId(),
				event.occurredAt(), params));
	}

}
