package eco.qubeprepaid.archfixturegood.ledger.domain;

public record Amount(long paise) {
}
