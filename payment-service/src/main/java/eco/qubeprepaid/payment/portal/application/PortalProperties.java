package eco.qubeprepaid.payment.portal.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tenant portal.
 *
 * @param baseUrl the portal's public root, used in sign-in links
 * @param linkSecret the secret that signs sign-in links (set your own in production)
 * @param linkValidity how long a sign-in link works
 * @param usageDays the days of the usage chart
 */
@ConfigurationProperties("qp.payment.portal")
public record PortalProperties(@DefaultValue("http://127.0.0.1:8083") String baseUrl,
		@DefaultValue("dev-only-portal-link-secret-change-me") String linkSecret,
		@DefaultValue("7d") Duration linkValidity, @DefaultValue("30") int usageDays) {

}
