package eco.qubeprepaid.sandbox.gateway.model;

import java.math.BigDecimal;

/**
 * The gateway's charge on a captured payment, in whole paise: a fee of
 * {@link GatewayChoices#FEE_BASIS_POINTS} basis points of the amount plus
 * {@link GatewayChoices#GST_PERCENT} % GST on that fee, each rounded with
 * {@link GatewayChoices#FEE_ROUNDING}.
 *
 * @param feeBeforeTax the gateway's own fee
 * @param tax the GST on it
 */
public record Fees(long feeBeforeTax, long tax) {

	/** No charge (refunds, payments not captured). */
	public static final Fees NONE = new Fees(0, 0);

	/** The charge on a captured amount in paise. */
	public static Fees of(long amountPaise) {
		if (amountPaise < 0) {
			throw new IllegalArgumentException("amount must not be negative: " + amountPaise);
		}
		long fee = BigDecimal.valueOf(amountPaise)
			.multiply(BigDecimal.valueOf(GatewayChoices.FEE_BASIS_POINTS))
			.divide(BigDecimal.valueOf(10_000), 0, GatewayChoices.FEE_ROUNDING)
			.longValueExact();
		long tax = BigDecimal.valueOf(fee)
			.multiply(BigDecimal.valueOf(GatewayChoices.GST_PERCENT))
			.divide(BigDecimal.valueOf(100), 0, GatewayChoices.FEE_ROUNDING)
			.longValueExact();
		return new Fees(fee, tax);
	}

	/** What the wire calls {@code fee}: the gateway fee including GST. */
	public long total() {
		return this.feeBeforeTax + this.tax;
	}

}
