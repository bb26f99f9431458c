package eco.qubeprepaid.balance.pricing.domain;

/**
 * A premise's tariff segment: the energy priced at one rate of one version, whose running
 * totals carry the sub-paisa remainder.
 *
 * @param premiseId the premise
 * @param tariff the rate
 */
public record SegmentKey(String premiseId, PricedTariff tariff) {
}
