package eco.qubeprepaid.service.security;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The same authentication for every service's operator API: HTTP Basic against the
 * operator accounts of {@code qp.platform.operators} (bcrypt-hashed passwords), no
 * session, no CSRF (no browser session to ride on); every {@code GET} under {@code /api/}
 * needs {@code VIEWER} or {@code MONEY}, every other method {@code MONEY}; everything
 * under {@code /api/service/} needs {@code SERVICE} (other services' accounts only).
 * Health, metrics and the OpenAPI document are open (loopback or the cluster only); a
 * path no chain claims is refused. A service adds chains of its own for other paths (e.g.
 * payment-service's portal and webhooks) at orders below {@link #API_ORDER}.
 */
@AutoConfiguration
@ConditionalOnClass(HttpSecurity.class)
@EnableConfigurationProperties(OperatorProperties.class)
public class OperatorSecurityAutoConfiguration {

	/** The order of the operator API's chain; a service's own chains come before it. */
	public static final int API_ORDER = 100;

	/**
	 * The paths for other services of the platform only ({@link OperatorRoles#SERVICE}).
	 */
	public static final String SERVICE_PATHS = "/api/service/**";

	@Bean
	@Order(API_ORDER)
	SecurityFilterChain operatorApiChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(SERVICE_PATHS)
				.hasRole(OperatorRoles.SERVICE)
				.requestMatchers(HttpMethod.GET, "/api/**")
				.hasAnyRole(OperatorRoles.VIEWER, OperatorRoles.MONEY)
				.anyRequest()
				.hasRole(OperatorRoles.MONEY))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(API_ORDER + 1)
	SecurityFilterChain operationsChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/actuator/**", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html",
				"/error")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain everythingElseChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().denyAll())
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@ConditionalOnMissingBean(UserDetailsService.class)
	UserDetailsService operatorAccounts(OperatorProperties properties) {
		List<UserDetails> users = properties.operators()
			.stream()
			.map((operator) -> User.withUsername(operator.name())
				.password(operator.password())
				.roles(operator.roles().toArray(String[]::new))
				.build())
			.toList();
		return new InMemoryUserDetailsManager(users);
	}

}
