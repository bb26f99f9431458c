package eco.qubeprepaid.balance.policy.domain;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One rung of a low-balance ladder: a percentage of the premise's last top-up
 * ({@code 30%}) or an absolute amount ({@code 5000p}, in paise). The label is the rung's
 * identity: the notice state and the {@code rung} metric tag use it.
 *
 * @param percent the percentage of the last top-up, or {@code null} for an absolute rung
 * @param paise the absolute amount in paise, or {@code null} for a percentage rung
 */
public record LadderRung(Integer percent, Long paise) {

	public LadderRung {
		if ((percent == null) == (paise == null)) {
			throw new IllegalArgumentException("a ladder rung is either a percent or an amount in paise, not both");
		}
		if (percent != null && (percent < 0 || percent > 100)) {
			throw new IllegalArgumentException("a ladder percent must be from 0 to 100, was " + percent);
		}
		if (paise != null && paise < 0) {
			throw new IllegalArgumentException("a ladder amount must be zero or more paise, was " + paise);
		}
	}

	/**
	 * @param percent a percentage of the last top-up
	 * @return the rung
	 */
	public static LadderRung percent(int percent) {
		return new LadderRung(percent, null);
	}

	/**
	 * @param paise an absolute amount
	 * @return the rung
	 */
	public static LadderRung paise(long paise) {
		return new LadderRung(null, paise);
	}

	/**
	 * Parses a label written by {@link #label()}.
	 * @param label {@code 30%} or {@code 5000p}
	 * @return the rung
	 */
	public static LadderRung parse(String label) {
		Objects.requireNonNull(label, "label");
		String text = label.trim();
		try {
			if (text.endsWith("%")) {
				return percent(Integer.parseInt(text.substring(0, text.length() - 1)));
			}
			if (text.endsWith("p")) {
				return paise(Long.parseLong(text.substring(0, text.length() - 1)));
			}
		}
		catch (NumberFormatException ex) {
			// Fall through to the explanation below.
		}
		throw new IllegalArgumentException("a ladder rung is written '30%' or '5000p', was '" + label + "'");
	}

	/**
	 * @return {@code 30%} or {@code 5000p}
	 */
	public String label() {
		return (this.percent != null) ? this.percent + "%" : this.paise + "p";
	}

	/**
	 * The rung's value for a premise. A percentage rung has no value before the premise's
	 * first top-up: there is nothing to take a percentage of.
	 * @param lastTopUpPaise the premise's last top-up, or {@code null} if none
	 * @return the threshold in paise, if defined
	 */
	public OptionalLong thresholdPaise(Long lastTopUpPaise) {
		if (this.paise != null) {
			return OptionalLong.of(this.paise);
		}
		if (lastTopUpPaise == null) {
			return OptionalLong.empty();
		}
		// Exact integer arithmetic, rounded down: 30 % of 999 paise is 299 paise.
		return OptionalLong.of(Math.multiplyExact(lastTopUpPaise, (long) this.percent) / 100);
	}

}
