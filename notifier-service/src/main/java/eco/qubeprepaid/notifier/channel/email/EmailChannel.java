package eco.qubeprepaid.notifier.channel.email;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import eco.qubeprepaid.notifier.NotifierProperties;
import eco.qubeprepaid.notifier.channel.domain.ChannelName;
import eco.qubeprepaid.notifier.channel.domain.DeliveryChannel;
import eco.qubeprepaid.notifier.channel.domain.Message;
import eco.qubeprepaid.notifier.channel.domain.SendResult;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP (Spring Mail), UTF-8 plain text, with the notice id in a header
 * ({@code X-QP-Notice-Id}) so that a copy sent again after a crash can be told apart. An
 * address that cannot be parsed is refused for good; a server that is away or refuses the
 * session is retried.
 */
@Component
public class EmailChannel implements DeliveryChannel {

	private final JavaMailSenderImpl sender;

	private final NotifierProperties.Mail settings;

	public EmailChannel(NotifierProperties properties) {
		this.settings = properties.mail();
		this.sender = new JavaMailSenderImpl();
		this.sender.setHost(this.settings.host());
		this.sender.setPort(this.settings.port());
		if (!this.settings.username().isBlank()) {
			this.sender.setUsername(this.settings.username());
			this.sender.setPassword(this.settings.password());
		}
		this.sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		Properties mail = new Properties();
		String timeout = Long.toString(this.settings.timeout().toMillis());
		mail.put("mail.smtp.connectiontimeout", timeout);
		mail.put("mail.smtp.timeout", timeout);
		mail.put("mail.smtp.writetimeout", timeout);
		mail.put("mail.smtp.auth", Boolean.toString(!this.settings.username().isBlank()));
		this.sender.setJavaMailProperties(mail);
	}

	@Override
	public ChannelName name() {
		return ChannelName.EMAIL;
	}

	@Override
	public boolean enabled() {
		return !this.settings.host().isBlank();
	}

	@Override
	public SendResult send(Message message) {
		MimeMessage mime = this.sender.createMimeMessage();
		try {
			InternetAddress to = new InternetAddress(message.address(), true);
			MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
			helper.setFrom(new InternetAddress(this.settings.from(), false));
			helper.setTo(to);
			helper.setSubject(message.subject());
			helper.setText(message.body(), false);
			mime.setHeader("X-QP-Notice-Id", message.noticeId().toString());
			mime.setHeader("Content-Language", message.language());
		}
		catch (AddressException ex) {
			return SendResult.refused("not an email address: " + message.address() + " (" + ex.getMessage() + ")");
		}
		catch (MessagingException ex) {
			return SendResult.refused("cannot build the email: " + ex.getMessage());
		}
		try {
			this.sender.send(mime);
			return SendResult.sent(null);
		}
		catch (MailParseException | MailPreparationException ex) {
			return SendResult.refused(ex.getMessage());
		}
		catch (MailAuthenticationException ex) {
			return SendResult.retry("SMTP authentication failed: " + ex.getMessage());
		}
		catch (MailException ex) {
			return SendResult.retry("SMTP " + this.settings.host() + ":" + this.settings.port() + ": "
					+ ex.getMostSpecificCause().getMessage());
		}
	}

}
