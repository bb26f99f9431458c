package eco.qubeprepaid.payment.topup.domain;

import java.util.Optional;

import eco.qubeprepaid.service.text.Rupees;

/**
 * The amounts a tenant may top up by, in paise: at least {@code minPaise}, at most
 * {@code maxPaise}, and a whole multiple of {@code multiplePaise} (100 = whole rupees).
 *
 * @param minPaise the smallest top-up
 * @param maxPaise the largest top-up
 * @param multiplePaise the step
 */
public record AmountRules(long minPaise, long maxPaise, long multiplePaise) {

	public AmountRules {
		if (minPaise <= 0 || maxPaise < minPaise || multiplePaise <= 0) {
			throw new IllegalArgumentException("Top-up limits must satisfy 0 < min <= max and a positive multiple, not "
					+ minPaise + ".." + maxPaise + " step " + multiplePaise);
		}
	}

	/**
	 * Checks an amount.
	 * @param amountPaise the amount asked for
	 * @return what is wrong with it, or empty when it is acceptable
	 */
	public Optional<String> problemWith(long amountPaise) {
		if (amountPaise < this.minPaise || amountPaise > this.maxPaise) {
			return Optional.of("A top-up must be between " + Rupees.format(this.minPaise) + " and "
					+ Rupees.format(this.maxPaise) + "; " + Rupees.format(amountPaise) + " is not.");
		}
		if (amountPaise % this.multiplePaise != 0) {
			return Optional.of("A top-up must be a multiple of " + Rupees.format(this.multiplePaise) + "; "
					+ Rupees.format(amountPaise) + " is not.");
		}
		return Optional.empty();
	}

}
