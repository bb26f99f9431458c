package eco.qubeprepaid.balance.web;

import java.security.Principal;

/**
 * Who an operator action is recorded as: the person the request names (e.g. the site
 * engineer who asked) followed by the authenticated account that sent it, or the account
 * alone when the request names nobody. The account is never left out: it is what the
 * platform's authentication proved.
 */
public final class Operators {

	private Operators() {
	}

	/**
	 * @param account the authenticated account
	 * @param named the operator the request names, or null/blank
	 * @return e.g. {@code alice (ops-money)}, or {@code ops-money}
	 */
	public static String of(Principal account, String named) {
		String name = account.getName();
		return (named == null || named.isBlank() || named.trim().equals(name)) ? name
				: named.trim() + " (" + name + ")";
	}

}
