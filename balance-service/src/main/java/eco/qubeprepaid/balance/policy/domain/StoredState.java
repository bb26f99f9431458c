package eco.qubeprepaid.balance.policy.domain;

/**
 * A premise's stored state.
 *
 * @param policy the policy's state
 * @param reconciliation the reconciliation's state
 */
public record StoredState(PolicyState policy, Reconciliation.State reconciliation) {
}
