package eco.qubeprepaid.payment.tenant.domain;

import java.util.regex.Pattern;

/**
 * What a premise id may look like (udf1 of its meter, e.g.
 * {@code Tower-A.Floor-03.Flat-304}).
 */
public final class PremiseIds {

	/** Why an id was refused. */
	public static final String RULE = "A premise id is 1-120 letters, digits or . _ : / - starting with a letter or digit";

	private static final Pattern PREMISE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,119}");

	private PremiseIds() {
	}

	/**
	 * @param premiseId an id as given
	 * @return whether it is a well-formed premise id
	 */
	public static boolean isValid(String premiseId) {
		return premiseId != null && PREMISE.matcher(premiseId).matches();
	}

}
