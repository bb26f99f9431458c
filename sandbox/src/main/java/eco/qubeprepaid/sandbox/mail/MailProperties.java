package eco.qubeprepaid.sandbox.mail;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the mail catcher ({@code sandbox.mail.*}).
 *
 * <p>
 * The port defaults to {@code 0} (off) here but to {@code 2525} in the sandbox's
 * {@code application.yml}: run alone ({@code ./run.sh}, {@code spring-boot:run}) the
 * sandbox catches notifier-service's mail on its default port, while the sandboxes that
 * tests of other modules start inside their own JVMs (they read no
 * {@code application.yml}, see {@code SandboxInServiceJvm}) open no SMTP port at all, so
 * that several of them, or one beside {@code ./run.sh}, never fight over 2525. Such a
 * test that wants the catcher sets {@code sandbox.mail.smtp-port} itself.
 *
 * @param smtpPort the SMTP port; {@code 0} turns the catcher off
 * @param smtpHost the address the SMTP port binds; a loopback address only, as the
 * sandbox is a test double and never a public server
 * @param maxMessages how many mails are kept; the oldest are dropped beyond it, so a long
 * run does not grow without bound
 */
@Validated
@ConfigurationProperties("sandbox.mail")
public record MailProperties(@DefaultValue("0") @Min(0) @Max(65535) int smtpPort,
		@DefaultValue(MailProperties.LOOPBACK) @NotBlank String smtpHost,
		@DefaultValue("1000") @Min(1) @Max(100000) int maxMessages) {

	/** The default SMTP bind address. */
	public static final String LOOPBACK = "127.0.0.1";

	public MailProperties {
		if (smtpHost != null && !smtpHost.isBlank() && !isLoopback(smtpHost)) {
			throw new IllegalArgumentException(
					"sandbox.mail.smtp-host must be a loopback address (such as 127.0.0.1), not " + smtpHost);
		}
	}

	/** Whether the SMTP port is to be opened at all. */
	public boolean enabled() {
		return this.smtpPort != 0;
	}

	private static boolean isLoopback(String host) {
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
