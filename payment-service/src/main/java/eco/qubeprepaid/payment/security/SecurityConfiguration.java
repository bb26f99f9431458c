package eco.qubeprepaid.payment.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Who may call what:
 * <ul>
 * <li>the operator API ({@code /api/**}): HTTP Basic with an operator account, no
 * session; reading needs {@code VIEWER} or {@code MONEY}, every change
 * {@code MONEY};</li>
 * <li>the gateway's webhooks: open, each one proves itself by its HMAC signature;</li>
 * <li>the portal ({@code /portal/**}): a tenant signed in by their link, in a session,
 * with CSRF protection on every form;</li>
 * <li>health, metrics and the OpenAPI document: open (loopback or the cluster only).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain operatorApi(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/**")
				.hasAnyRole(Roles.VIEWER, Roles.MONEY)
				.anyRequest()
				.hasRole(Roles.MONEY))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
		http.securityMatcher("/webhooks/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain operations(HttpSecurity http) throws Exception {
		http.securityMatcher("/actuator/**", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain portal(HttpSecurity http, SecurityContextRepository tenantSessions) throws Exception {
		http.securityMatcher("/portal/**", "/")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/portal/sign-in", "/portal/assets/**")
				.permitAll()
				.anyRequest()
				.hasRole(Roles.TENANT))
			.securityContext((context) -> context.securityContextRepository(tenantSessions))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal/sign-in")))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp
				.policyDirectives("default-src 'self'; img-src 'self' data:; style-src 'self'; form-action 'self' "
						+ "http: https:; frame-ancestors 'none'")))
			.logout((logout) -> logout.logoutUrl("/portal/sign-out").logoutSuccessUrl("/portal/sign-in?signed-out"));
		return http.build();
	}

	@Bean
	SecurityContextRepository tenantSessions() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService operators(OperatorProperties properties) {
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
