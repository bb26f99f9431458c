package eco.qubeprepaid.archfixturebroken.policy.persistence;

public class PolicyTable {

}
