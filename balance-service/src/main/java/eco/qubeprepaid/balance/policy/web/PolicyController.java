package eco.qubeprepaid.balance.policy.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import eco.qubeprepaid.balance.policy.domain.EmergencyCredit;
import eco.qubeprepaid.balance.policy.domain.EnforcementMode;
import eco.qubeprepaid.balance.policy.domain.FriendlyWindows;
import eco.qubeprepaid.balance.policy.domain.LadderRung;
import eco.qubeprepaid.balance.policy.domain.OnboardingRule;
import eco.qubeprepaid.balance.policy.domain.PremisePolicy;
import eco.qubeprepaid.balance.policy.application.PolicySettings;
import eco.qubeprepaid.balance.policy.application.PolicySettings.ScopePolicy;
import eco.qubeprepaid.balance.pricing.domain.TariffScope;
import eco.qubeprepaid.balance.errors.BadRequestException;
import eco.qubeprepaid.balance.policy.domain.Holiday;
import eco.qubeprepaid.service.time.Ist;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API of the cut-off policy. As for tariffs, the path's premise id may be a
 * premise, a prefix ending in {@code *} ({@code Building-A.*}) or {@code *} for the
 * property-wide default; the most specific policy wins and holidays add up across scopes.
 * A PUT replaces the scope's policy whole; a field left out takes the built-in default.
 */
@RestController
public class PolicyController {

	private final PolicySettings settings;

	public PolicyController(PolicySettings settings) {
		this.settings = settings;
	}

	@PutMapping("/api/premises/{premiseId}/policy")
	public PolicyView put(@PathVariable String premiseId, @RequestBody PolicyRequest request) {
		TariffScope scope = scope(premiseId);
		if (request.updatedBy() == null || request.updatedBy().isBlank()) {
			throw new BadRequestException("updatedBy is required (who sets the policy, for the audit trail)");
		}
		PremisePolicy policy = request.toPolicy();
		return PolicyView.of(this.settings.set(scope, policy, request.updatedBy().trim()));
	}

	@GetMapping("/api/premises/{premiseId}/policy")
	public PolicyView get(@PathVariable String premiseId) {
		return PolicyView.of(this.settings.get(scope(premiseId)));
	}

	@PutMapping("/api/premises/{premiseId}/policy/holidays/{date}")
	public PolicyView addHoliday(@PathVariable String premiseId, @PathVariable String date,
			@RequestBody HolidayRequest request) {
		TariffScope scope = scope(premiseId);
		String name = (request != null && request.name() != null) ? request.name().trim() : "";
		if (name.isEmpty()) {
			throw new BadRequestException("name is required, e.g. {\"name\": \"Diwali\"}");
		}
		return PolicyView.of(this.settings.addHoliday(scope, new Holiday(date(date), name)));
	}

	@DeleteMapping("/api/premises/{premiseId}/policy/holidays/{date}")
	public ResponseEntity<PolicyView> removeHoliday(@PathVariable String premiseId, @PathVariable String date) {
		TariffScope scope = scope(premiseId);
		LocalDate day = date(date);
		return this.settings.removeHoliday(scope, day)
			.map((policy) -> ResponseEntity.ok(PolicyView.of(policy)))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}

	private static TariffScope scope(String premiseId) {
		try {
			return new TariffScope(premiseId);
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException(ex.getMessage());
		}
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException("the holiday must be an ISO date such as 2025-10-20, was '" + text + "'");
		}
	}

	/**
	 * A policy as set by an operator.
	 *
	 * @param enforcement {@code SYSTEM} (default) or {@code METER}
	 * @param ladder rungs such as {@code "30%"} (of the last top-up) or {@code "5000p"}
	 * (paise); default 30 %, 10 %, 0 %
	 * @param friendlyFrom the start of the nightly window, {@code "18:00"} by default
	 * @param friendlyUntil its end, {@code "10:00"} by default (equal to the start: no
	 * nightly window)
	 * @param friendlyWeekdays whole friendly days, {@code ["SUNDAY"]} by default
	 * @param emergencyCreditPaise emergency credit, 0 by default
	 * @param emergencyCreditDays for how many days after going negative, 0 by default
	 * @param restoreMinimumPaise the balance that restores power, 1 by default
	 * @param onboarding what a wallet opens with at its meter's first reading:
	 * {@code ADOPT} (the meter's balance, default) or {@code ZERO}
	 * @param updatedBy who sets it
	 */
	public record PolicyRequest(String enforcement, List<String> ladder, String friendlyFrom, String friendlyUntil,
			List<String> friendlyWeekdays, Long emergencyCreditPaise, Integer emergencyCreditDays,
			Long restoreMinimumPaise, String onboarding, String updatedBy) {

		PremisePolicy toPolicy() {
			PremisePolicy standard = PremisePolicy.standard();
			try {
				EnforcementMode mode = standard.mode();
				if (this.enforcement != null) {
					try {
						mode = EnforcementMode.valueOf(this.enforcement.trim().toUpperCase(Locale.ROOT));
					}
					catch (IllegalArgumentException ex) {
						throw new IllegalArgumentException(
								"enforcement is SYSTEM or METER, got '" + this.enforcement + "'");
					}
				}
				List<LadderRung> rungs = (this.ladder != null) ? this.ladder.stream().map(LadderRung::parse).toList()
						: standard.ladder();
				FriendlyWindows windows = new FriendlyWindows(
						time("friendlyFrom", this.friendlyFrom, standard.windows().nightStart()),
						time("friendlyUntil", this.friendlyUntil, standard.windows().nightEnd()), weekdays(standard),
						Set.of());
				EmergencyCredit emergency = new EmergencyCredit(
						(this.emergencyCreditPaise != null) ? this.emergencyCreditPaise : 0,
						(this.emergencyCreditDays != null) ? this.emergencyCreditDays : 0);
				OnboardingRule rule = standard.onboarding();
				if (this.onboarding != null) {
					try {
						rule = OnboardingRule.valueOf(this.onboarding.trim().toUpperCase(Locale.ROOT));
					}
					catch (IllegalArgumentException ex) {
						throw new IllegalArgumentException("onboarding is ADOPT (the wallet opens with the meter's"
								+ " balance) or ZERO (it opens at zero), got '" + this.onboarding + "'");
					}
				}
				return new PremisePolicy(mode, rungs, windows, emergency,
						(this.restoreMinimumPaise != null) ? this.restoreMinimumPaise : standard.restoreMinimumPaise(),
						rule);
			}
			catch (IllegalArgumentException ex) {
				throw new BadRequestException(ex.getMessage());
			}
		}

		private Set<DayOfWeek> weekdays(PremisePolicy standard) {
			if (this.friendlyWeekdays == null) {
				return standard.windows().weekdays();
			}
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			for (String day : this.friendlyWeekdays) {
				try {
					days.add(DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException | NullPointerException ex) {
					throw new IllegalArgumentException(
							"friendlyWeekdays holds day names such as SUNDAY, got '" + day + "'");
				}
			}
			return days;
		}

		private static LocalTime time(String name, String value, LocalTime fallback) {
			if (value == null) {
				return fallback;
			}
			try {
				return LocalTime.parse(value.trim());
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(name + " must be a time such as 18:00 (IST), was '" + value + "'");
			}
		}

	}

	/**
	 * A holiday to add.
	 *
	 * @param name what it is
	 */
	public record HolidayRequest(String name) {
	}

	/**
	 * A scope's policy as the API shows it.
	 *
	 * @param scope the premise, prefix or {@code *}
	 * @param explicit whether a policy is set at exactly this scope (otherwise it is
	 * inherited or the default)
	 * @param enforcement {@code SYSTEM} or {@code METER}
	 * @param ladder the rungs
	 * @param friendlyFrom the start of the nightly window (IST)
	 * @param friendlyUntil its end (IST)
	 * @param friendlyWeekdays the friendly days
	 * @param emergencyCreditPaise the emergency credit
	 * @param emergencyCreditDays for how many days
	 * @param restoreMinimumPaise the balance that restores power
	 * @param onboarding {@code ADOPT} or {@code ZERO}
	 * @param holidays the holidays set at this scope
	 * @param effectiveHolidays for a premise, every holiday it observes
	 * @param timeZone always {@code Asia/Kolkata}
	 */
	public record PolicyView(String scope, boolean explicit, String enforcement, List<String> ladder,
			LocalTime friendlyFrom, LocalTime friendlyUntil, List<DayOfWeek> friendlyWeekdays,
			long emergencyCreditPaise, int emergencyCreditDays, long restoreMinimumPaise, String onboarding,
			List<Holiday> holidays, List<LocalDate> effectiveHolidays, String timeZone) {

		static PolicyView of(ScopePolicy scoped) {
			PremisePolicy policy = scoped.effective();
			FriendlyWindows windows = policy.windows();
			return new PolicyView(scoped.scope().value(), scoped.explicit(), policy.mode().name(),
					policy.ladder().stream().map(LadderRung::label).toList(), windows.nightStart(), windows.nightEnd(),
					windows.weekdays().stream().sorted().toList(), policy.emergency().amountPaise(),
					policy.emergency().days(), policy.restoreMinimumPaise(), policy.onboarding().name(),
					scoped.holidays(), windows.holidays().stream().sorted().toList(), Ist.ZONE.getId());
		}

	}

}
