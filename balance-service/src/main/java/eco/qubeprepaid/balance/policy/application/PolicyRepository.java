package eco.qubeprepaid.balance.policy.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eco.qubeprepaid.balance.policy.domain.Holiday;
import eco.qubeprepaid.balance.policy.domain.Notice;
import eco.qubeprepaid.balance.policy.domain.OverrideEntry;
import eco.qubeprepaid.balance.policy.domain.PremisePolicy;
import eco.qubeprepaid.balance.policy.domain.StoredState;
import eco.qubeprepaid.balance.pricing.domain.TariffScope;

/**
 * The policy's storage: premise policies, holidays, policy states, rung notices and
 * operator overrides, in the caller's transaction. Implemented by
 * {@code policy.persistence.PolicyStore}.
 */
public interface PolicyRepository {

	/**
	 * The policy in force for a premise: the most specific covering scope's row, or the
	 * default, with the holidays of every covering scope.
	 * @param premiseId the premise
	 * @return the policy
	 */
	PremisePolicy policyFor(String premiseId);

	/**
	 * @param scope a scope
	 * @return the policy set exactly at that scope, without holidays, if any
	 */
	Optional<PremisePolicy> policyAt(TariffScope scope);

	/**
	 * Sets the policy of a scope, replacing the previous one.
	 * @param scope the scope
	 * @param policy the policy (its holidays are kept apart and ignored here)
	 * @param updatedBy who set it
	 * @param at when
	 */
	void savePolicy(TariffScope scope, PremisePolicy policy, String updatedBy, Instant at);

	/**
	 * @param scope a scope
	 * @return its holidays, in date order
	 */
	List<Holiday> holidaysAt(TariffScope scope);

	/**
	 * Adds a holiday or renames it.
	 * @param scope the scope
	 * @param holiday the holiday
	 */
	void saveHoliday(TariffScope scope, Holiday holiday);

	/**
	 * @param scope the scope
	 * @param date the date
	 * @return whether a holiday was removed
	 */
	boolean deleteHoliday(TariffScope scope, LocalDate date);

	/**
	 * Loads a premise's state.
	 * @param premiseId the premise
	 * @return the policy state and the reconciliation state
	 */
	StoredState load(String premiseId);

	/**
	 * Loads premises' states in one round trip (the caller holds their wallet locks).
	 * @param premiseIds the premises
	 * @return the state of every one of them, the initial state for a premise without a
	 * row
	 */
	Map<String, StoredState> load(Collection<String> premiseIds);

	/**
	 * Saves premises' states, one statement for all.
	 * @param states the new states by premise
	 * @param at when
	 */
	void save(Map<String, StoredState> states, Instant at);

	/**
	 * Brings the low-balance notice rows up to date: removes re-armed rungs and writes
	 * the rungs crossed since (a rung re-armed and crossed again replaces its row). The
	 * primary key of a notice row is the database's guard of one notice per crossing.
	 * @param removed the rungs re-armed, by premise
	 * @param crossed the rungs crossed
	 */
	void writeNotices(Map<String, Set<String>> removed, Collection<Notice> crossed);

	/**
	 * @param now the service time
	 * @param limit the most premises
	 * @return the premises whose scheduled cut-off is due
	 */
	List<String> dueCutoffs(Instant now, int limit);

	/**
	 * @param limit the most premises
	 * @return the premises whose supply is owed and not yet seen on, longest owed first
	 */
	List<String> owedSupplies(int limit);

	/**
	 * @param owedBefore an instant
	 * @return how many premises are owed their supply, and how many since before the
	 * instant
	 */
	long[] owedSupplyCounts(Instant owedBefore);

	/**
	 * Audits an operator's forced relay switch.
	 * @param premiseId the premise
	 * @param relayOn the direction
	 * @param operator who
	 * @param reason why
	 * @param commandId the command sent
	 * @param at when
	 */
	void audit(String premiseId, boolean relayOn, String operator, String reason, UUID commandId, Instant at);

	/**
	 * @param premiseId a premise
	 * @param limit the most rows
	 * @return its operator relay audit, newest first
	 */
	List<OverrideEntry> overrides(String premiseId, int limit);

}
