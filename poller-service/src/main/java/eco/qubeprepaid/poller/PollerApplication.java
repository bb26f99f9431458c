package eco.qubeprepaid.poller;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The poller: the only door to the Qube API. */
@SpringBootApplication
public class PollerApplication {

	public static void main(String[] args) {
		SpringApplication.run(PollerApplication.class, args);
	}

}
