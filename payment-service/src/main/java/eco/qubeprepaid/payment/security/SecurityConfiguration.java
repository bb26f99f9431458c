package eco.qubeprepaid.payment.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * payment-service's own doors, before the platform's operator API chain
 * ({@code OperatorSecurityAutoConfiguration}: HTTP Basic operators on {@code /api/**},
 * {@code VIEWER} reads and {@code MONEY} changes; health, metrics and the OpenAPI
 * document open; anything else refused):
 * <ul>
 * <li>the gateway's webhooks: open, each one proves itself by its HMAC signature;</li>
 * <li>the portal ({@code /portal/**}): a tenant signed in by their link, in a session,
 * with CSRF protection on every form and a strict Content-Security-Policy.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
		http.securityMatcher("/webhooks/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain portal(HttpSecurity http, SecurityContextRepository tenantSessions) throws Exception {
		http.securityMatcher("/portal/**", "/")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/portal/sign-in", "/portal/sign-in/code", "/portal/sign-in/verify",
						"/portal/assets/**")
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

}
