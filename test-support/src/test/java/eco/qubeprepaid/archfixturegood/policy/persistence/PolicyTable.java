package eco.qubeprepaid.archfixturegood.policy.persistence;

import eco.qubeprepaid.archfixturegood.policy.application.PolicyPort;

public class PolicyTable implements PolicyPort {

	@Override
	public long limit() {
		return 0;
	}

}
