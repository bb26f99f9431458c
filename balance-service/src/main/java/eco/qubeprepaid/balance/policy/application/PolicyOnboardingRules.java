package eco.qubeprepaid.balance.policy.application;

import eco.qubeprepaid.balance.ledger.application.OnboardingRules;
import eco.qubeprepaid.balance.policy.domain.OnboardingRule;

import org.springframework.stereotype.Component;

/** The onboarding rule of a premise, from its policy (ADOPT by default). */
@Component
class PolicyOnboardingRules implements OnboardingRules {

	private final PolicyRepository store;

	PolicyOnboardingRules(PolicyRepository store) {
		this.store = store;
	}

	@Override
	public boolean adoptsMeterBalance(String premiseId) {
		return this.store.policyFor(premiseId).onboarding() == OnboardingRule.ADOPT;
	}

}
