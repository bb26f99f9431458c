package eco.qubeprepaid.sandbox.mail;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the mail catcher: its bounded mail box and the SMTP server on the real clock. */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

	@Bean
	MailBox mailBox(MailProperties properties) {
		return new MailBox(properties.maxMessages());
	}

	@Bean
	MailCatcher mailCatcher(MailProperties properties, MailBox mailBox, Clock realClock) {
		return new MailCatcher(properties, mailBox, realClock);
	}

}
