package eco.qubeprepaid.sandbox.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads what a person wants to see out of a MIME message: the Unicode sender, the decoded
 * subject, the text body in its declared charset, and the headers decoded. The catcher's
 * mails are in Hindi as well as English, so every text goes through its charset and RFC
 * 2047 decoding; nothing here fails on a malformed mail, it shows what it can.
 */
final class MimeText {

	/** Longest body kept, in characters: a catcher for notices, not for attachments. */
	static final int MAX_BODY_CHARS = 256 * 1024;

	private MimeText() {
	}

	/** The {@code From} addresses as Unicode text, or {@code null} if there are none. */
	static String from(MimeMessage message) {
		try {
			Address[] from = message.getFrom();
			if (from == null || from.length == 0) {
				return null;
			}
			StringJoiner joined = new StringJoiner(", ");
			for (Address address : from) {
				joined.add((address instanceof InternetAddress internet) ? readable(internet) : address.toString());
			}
			return joined.toString();
		}
		catch (MessagingException ex) {
			return header(message, "From");
		}
	}

	/**
	 * {@code Name <address>} or the bare address: for a person to read, so the name is
	 * neither quoted nor encoded as it is on the wire (the raw header is in the headers).
	 */
	private static String readable(InternetAddress address) {
		String personal = address.getPersonal();
		return (personal == null || personal.isBlank()) ? address.getAddress()
				: personal + " <" + address.getAddress() + ">";
	}

	/** The decoded subject, {@code ""} if none. */
	static String subject(MimeMessage message) {
		try {
			String subject = message.getSubject();
			return (subject != null) ? subject : "";
		}
		catch (MessagingException ex) {
			String raw = header(message, "Subject");
			return (raw != null) ? raw : "";
		}
	}

	/**
	 * The text of the mail: a text/plain body, or of a multipart the first text/plain
	 * part (depth first), else the first other text part; {@code ""} if it has no text.
	 * Line ends are {@code \n}: SMTP's CRLF belongs to the wire, not to the writer.
	 */
	static String body(Part message) {
		try {
			String plain = text(message, true);
			String text = (plain != null) ? plain : text(message, false);
			if (text == null) {
				return "";
			}
			text = text.replace("\r\n", "\n");
			return (text.length() > MAX_BODY_CHARS) ? text.substring(0, MAX_BODY_CHARS) + "\n[… cut]" : text;
		}
		catch (MessagingException | IOException ex) {
			return "[unreadable body: " + ex.getMessage() + "]";
		}
	}

	/** The top-level headers by name, in order, unfolded and decoded. */
	static Map<String, String> headers(MimeMessage message) {
		Map<String, String> headers = new LinkedHashMap<>();
		try {
			Enumeration<Header> all = message.getAllHeaders();
			while (all.hasMoreElements()) {
				Header header = all.nextElement();
				String value = decode(header.getValue());
				headers.merge(header.getName(), value, (first, next) -> first + ", " + next);
			}
		}
		catch (MessagingException ex) {
			// Keep the headers read so far.
		}
		return headers;
	}

	private static String text(Part part, boolean plainOnly) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Object content = part.getContent();
			if (!(content instanceof Multipart multipart)) {
				return null;
			}
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = text(multipart.getBodyPart(i), plainOnly);
				if (text != null) {
					return text;
				}
			}
			return null;
		}
		if (part.isMimeType("text/plain") || (!plainOnly && part.isMimeType("text/*"))) {
			// Read the transfer-decoded bytes ourselves rather than getContent(): a
			// missing or unknown charset then still gives text (as UTF-8) instead of
			// an exception.
			try (InputStream in = part.getInputStream()) {
				return new String(in.readAllBytes(), charset(part));
			}
		}
		return null;
	}

	private static Charset charset(Part part) {
		try {
			String name = new ContentType(part.getContentType()).getParameter("charset");
			return (name != null) ? Charset.forName(MimeUtility.javaCharset(name)) : StandardCharsets.UTF_8;
		}
		catch (MessagingException | IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	private static String header(MimeMessage message, String name) {
		try {
			String value = message.getHeader(name, ", ");
			return (value != null) ? decode(value) : null;
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	private static String decode(String value) {
		if (value == null) {
			return "";
		}
		String unfolded = MimeUtility.unfold(value);
		try {
			return MimeUtility.decodeText(unfolded);
		}
		catch (UnsupportedEncodingException ex) {
			return unfolded;
		}
	}

}
