package eco.qubeprepaid.payment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The payment service: top-ups through the gateway, its webhooks, and reconciliation of
 * payments whose webhook never came.
 */
@SpringBootApplication
@EnableScheduling
public class PaymentApplication {

	public static void main(String[] args) {
		SpringApplication.run(PaymentApplication.class, args);
	}

}
