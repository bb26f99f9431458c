package eco.qubeprepaid.payment;

import java.util.Locale;

import eco.qubeprepaid.payment.gateway.client.GatewayClient;
import eco.qubeprepaid.payment.gateway.client.GatewayProperties;
import eco.qubeprepaid.payment.portal.application.PortalProperties;
import eco.qubeprepaid.payment.reconciliation.application.ReconciliationProperties;
import eco.qubeprepaid.payment.topup.application.TopUpProperties;
import eco.qubeprepaid.payment.portal.client.NotifierClient;
import eco.qubeprepaid.payment.portal.client.NotifierProperties;
import eco.qubeprepaid.payment.wallet.client.BalanceServiceClient;
import eco.qubeprepaid.payment.wallet.client.BalanceServiceProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/** payment-service's wiring: its properties, the gateway and balance-service clients. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GatewayProperties.class, TopUpProperties.class, ReconciliationProperties.class,
		PortalProperties.class, BalanceServiceProperties.class, NotifierProperties.class })
class PaymentConfiguration {

	@Bean
	GatewayClient gatewayClient(GatewayProperties properties, JsonMapper json) {
		return new GatewayClient(properties, json);
	}

	@Bean
	BalanceServiceClient balanceServiceClient(BalanceServiceProperties properties, JsonMapper json) {
		return new BalanceServiceClient(properties, json);
	}

	@Bean
	NotifierClient notifierClient(NotifierProperties properties, JsonMapper json) {
		return new NotifierClient(properties, json);
	}

	/**
	 * The portal's language: the tenant's choice, kept in their session; English first.
	 */
	@Bean
	LocaleResolver localeResolver() {
		SessionLocaleResolver resolver = new SessionLocaleResolver();
		resolver.setDefaultLocale(Locale.ENGLISH);
		return resolver;
	}

}
