package eco.qubeprepaid.payment.settlement.web;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import eco.qubeprepaid.payment.audit.application.AuditTrail;
import eco.qubeprepaid.payment.errors.Refusal;
import eco.qubeprepaid.payment.settlement.application.SettlementReports;
import eco.qubeprepaid.payment.settlement.domain.SettlementComparison;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's settlement report of an IST day beside what payment-service recorded; an
 * operator with the money role can have the missed payments credited.
 */
@RestController
public class SettlementController {

	private final SettlementReports reports;

	SettlementController(SettlementReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/settlements/{day}")
	SettlementComparison compare(@PathVariable String day) {
		return this.reports.compare(parse(day));
	}

	@PostMapping("/api/settlements/{day}/reconcile")
	SettlementReports.Reconciled reconcile(@PathVariable String day, Principal operator) {
		return this.reports.reconcile(parse(day), operator.getName(), AuditTrail.OPERATOR);
	}

	private static LocalDate parse(String day) {
		try {
			return LocalDate.parse(day);
		}
		catch (DateTimeParseException ex) {
			throw Refusal.badRequest("Bad day", "The day is an IST date like 2026-12-03, not " + day);
		}
	}

}
