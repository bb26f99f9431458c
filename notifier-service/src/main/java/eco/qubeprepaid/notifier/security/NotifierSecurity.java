package eco.qubeprepaid.notifier.security;

import eco.qubeprepaid.service.security.OperatorSecurityAutoConfiguration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The provider's delivery receipts come without an account: they are authenticated by
 * their HMAC signature, checked before anything is read. Everything else is the
 * platform's (the operator API, Alertmanager's receiver under {@code /api/service/}).
 */
@Configuration(proxyBeanMethods = false)
class NotifierSecurity {

	@Bean
	@Order(OperatorSecurityAutoConfiguration.API_ORDER - 10)
	SecurityFilterChain receiptChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/webhooks/messaging/receipts")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
