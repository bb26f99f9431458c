package eco.qubeprepaid.archfixturegood.policy.application;

public interface PolicyPort {

	long limit();

}
