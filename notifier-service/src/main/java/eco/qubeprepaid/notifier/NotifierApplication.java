package eco.qubeprepaid.notifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The notifier service: tells tenants and operators what happens, once per event and
 * recipient, through email, SMS, WhatsApp and operators' webhooks.
 */
@SpringBootApplication
@EnableConfigurationProperties(NotifierProperties.class)
public class NotifierApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotifierApplication.class, args);
	}

}
