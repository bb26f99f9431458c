package eco.qubeprepaid.payment.settlement.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One IST day's settlement report of the gateway beside what payment-service recorded as
 * captured that day.
 *
 * @param day the IST day
 * @param gatewayPayments the payments the gateway settled
 * @param gatewayPaise their total
 * @param gatewayRefunds the refunds the gateway processed
 * @param gatewayRefundPaise their total
 * @param recordedPayments the payments payment-service recorded as captured
 * @param recordedPaise their total
 * @param missingHere payments the gateway settled that payment-service has not recorded
 * (reconciling credits them)
 * @param missingAtGateway payments recorded here that the gateway's report does not list
 * @param amountMismatches payments in both with different amounts
 */
public record SettlementComparison(LocalDate day, int gatewayPayments, long gatewayPaise, int gatewayRefunds,
		long gatewayRefundPaise, int recordedPayments, long recordedPaise, List<String> missingHere,
		List<String> missingAtGateway, List<String> amountMismatches) {

	/**
	 * @return whether both sides agree payment for payment
	 */
	public boolean matches() {
		return this.missingHere.isEmpty() && this.missingAtGateway.isEmpty() && this.amountMismatches.isEmpty();
	}

	/**
	 * @return how many payments disagree
	 */
	public int discrepancies() {
		return this.missingHere.size() + this.missingAtGateway.size() + this.amountMismatches.size();
	}

}
