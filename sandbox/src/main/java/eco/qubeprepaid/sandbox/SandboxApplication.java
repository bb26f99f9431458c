package eco.qubeprepaid.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The sandbox: the outside world for development and tests. It simulates the Qube smart
 * meter cloud (public API under {@code /api/v2}, admin hooks under {@code /admin/qube}),
 * a Razorpay-shaped payment gateway (API under {@code /v1}, hosted checkout under
 * {@code /checkout}, admin hooks under {@code /admin/gateway}) and an SMS and WhatsApp
 * messaging provider (API under {@code /messaging/v1}, admin hooks under
 * {@code /admin/messaging}), and catches mail (SMTP, read under {@code /mail} and
 * {@code /admin/mail}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SandboxApplication {

	public static void main(String[] args) {
		SpringApplication.run(SandboxApplication.class, args);
	}

}
