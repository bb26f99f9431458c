package eco.qubeprepaid.payment.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator accounts of the operator API. Passwords are stored hashed
 * ({@code {bcrypt}$2a$...}); the defaults are development accounts documented in the
 * README, which a deployment replaces ({@code QP_OPERATORS_0_NAME}, …).
 *
 * @param operators the accounts
 */
@ConfigurationProperties("qp.payment")
public record OperatorProperties(@DefaultValue List<Operator> operators) {

	/**
	 * An operator account.
	 *
	 * @param name the account name
	 * @param password the hashed password, with its encoder's prefix
	 * @param roles {@code VIEWER} (read only) and/or {@code MONEY} (money and relay
	 * actions)
	 */
	public record Operator(String name, String password, List<String> roles) {
	}

}
