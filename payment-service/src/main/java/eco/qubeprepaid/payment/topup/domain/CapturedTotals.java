package eco.qubeprepaid.payment.topup.domain;

/**
 * What payment-service has recorded as captured.
 *
 * @param payments how many payments
 * @param paise their total
 */
public record CapturedTotals(long payments, long paise) {

}
