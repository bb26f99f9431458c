package eco.qubeprepaid.archfixturebroken.ledger.persistence;

public class LedgerTable {

}
