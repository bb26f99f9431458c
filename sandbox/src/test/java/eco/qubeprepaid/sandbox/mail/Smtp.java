package eco.qubeprepaid.sandbox.mail;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP client for the tests (Jakarta Mail over 127.0.0.1), sending a UTF-8
 * text/plain mail as notifier-service does: RFC 2047 subject, encoded body, its own
 * headers.
 */
final class Smtp {

	private Smtp() {
	}

	static void send(int port, String from, String to, String subject, String body, Map<String, String> headers) {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(port));
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "10000");
		Session session = Session.getInstance(properties);
		try {
			MimeMessage message = new MimeMessage(session);
			message.setFrom(new InternetAddress(from));
			message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
			message.setSubject(subject, StandardCharsets.UTF_8.name());
			message.setText(body, StandardCharsets.UTF_8.name());
			for (Map.Entry<String, String> header : headers.entrySet()) {
				message.setHeader(header.getKey(), header.getValue());
			}
			Transport.send(message);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("SMTP send to 127.0.0.1:" + port + " failed", ex);
		}
	}

	static void send(int port, String to, String subject, String body) {
		send(port, "Qube Prepaid <no-reply@qubeprepaid.local>", to, subject, body, Map.of());
	}

}
