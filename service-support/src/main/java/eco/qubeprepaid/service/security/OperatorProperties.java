package eco.qubeprepaid.service.security;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator accounts of every service's operator API ({@code /api/**}). Passwords are
 * stored hashed with their encoder's prefix ({@code {bcrypt}$2a$...}); the defaults
 * ({@code qube-prepaid-service-defaults.yml}) are development accounts documented in the
 * README, which a deployment replaces ({@code QP_PLATFORM_OPERATORS_0_NAME}, …).
 *
 * @param operators the accounts
 */
@ConfigurationProperties("qp.platform")
public record OperatorProperties(@DefaultValue List<Operator> operators) {

	/**
	 * An operator account.
	 *
	 * @param name the account name
	 * @param password the hashed password, with its encoder's prefix
	 * @param roles {@link OperatorRoles#VIEWER} (read only) and/or
	 * {@link OperatorRoles#MONEY} (money, tenancy and relay actions), or
	 * {@link OperatorRoles#SERVICE} for another service of the platform
	 */
	public record Operator(String name, String password, List<String> roles) {

		private static final Set<String> KNOWN = Set.of(OperatorRoles.VIEWER, OperatorRoles.MONEY,
				OperatorRoles.SERVICE);

		public Operator {
			for (String role : (roles != null) ? roles : List.<String>of()) {
				if (!KNOWN.contains(role)) {
					throw new IllegalArgumentException("operator account '" + name + "' has the unknown role '" + role
							+ "'; the roles are " + new TreeSet<>(KNOWN));
				}
			}
		}

	}

}
