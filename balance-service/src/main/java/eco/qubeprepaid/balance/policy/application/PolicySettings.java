package eco.qubeprepaid.balance.policy.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import eco.qubeprepaid.balance.policy.domain.Holiday;
import eco.qubeprepaid.balance.policy.domain.PremisePolicy;
import eco.qubeprepaid.balance.pricing.domain.TariffScope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' cut-off policies and holidays per scope (a premise, a prefix or the whole
 * property): the most specific policy wins and holidays add up across scopes.
 */
@Service
public class PolicySettings {

	private final PolicyRepository store;

	private final Clock clock;

	public PolicySettings(PolicyRepository store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Replaces a scope's policy whole.
	 * @param scope the scope
	 * @param policy the policy
	 * @param updatedBy who, for the audit trail
	 * @return the scope's policy now
	 */
	@Transactional
	public ScopePolicy set(TariffScope scope, PremisePolicy policy, String updatedBy) {
		this.store.savePolicy(scope, policy, updatedBy, this.clock.instant());
		return of(scope);
	}

	/**
	 * @param scope the scope
	 * @return its policy
	 */
	@Transactional(readOnly = true)
	public ScopePolicy get(TariffScope scope) {
		return of(scope);
	}

	/**
	 * Adds (or renames) a holiday at a scope.
	 * @param scope the scope
	 * @param holiday the holiday
	 * @return the scope's policy now
	 */
	@Transactional
	public ScopePolicy addHoliday(TariffScope scope, Holiday holiday) {
		this.store.saveHoliday(scope, holiday);
		return of(scope);
	}

	/**
	 * Removes a holiday from a scope.
	 * @param scope the scope
	 * @param date the holiday's date
	 * @return the scope's policy now, or empty if the scope had no such holiday
	 */
	@Transactional
	public Optional<ScopePolicy> removeHoliday(TariffScope scope, LocalDate date) {
		if (!this.store.deleteHoliday(scope, date)) {
			return Optional.empty();
		}
		return Optional.of(of(scope));
	}

	private ScopePolicy of(TariffScope scope) {
		boolean concrete = !scope.value().endsWith("*");
		Optional<PremisePolicy> explicit = this.store.policyAt(scope);
		PremisePolicy effective = concrete ? this.store.policyFor(scope.value())
				: explicit.orElseGet(PremisePolicy::standard);
		return new ScopePolicy(scope, explicit.isPresent(), effective, this.store.holidaysAt(scope));
	}

	/**
	 * A scope's policy.
	 *
	 * @param scope the scope
	 * @param explicit whether a policy is set at exactly this scope (otherwise it is
	 * inherited or the default)
	 * @param effective the policy in force (for a premise, with every holiday it
	 * observes)
	 * @param holidays the holidays set at this scope
	 */
	public record ScopePolicy(TariffScope scope, boolean explicit, PremisePolicy effective, List<Holiday> holidays) {
	}

}
