package eco.qubeprepaid.sandbox.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Decoding of mails as sent on the wire: charsets, transfer encodings, multiparts. */
class MimeTextTest {

	@Test
	void decodesAnEncodedSubjectAndABase64Utf8Body() throws Exception {
		MimeMessage message = parse("""
				From: =?UTF-8?B?4KSV4KWN4KSv4KWC4KSs?= <no-reply@qubeprepaid.local>
				To: t@example.in
				Subject: =?UTF-8?B?4KSs4KWI4KSy4KWH4KSC4KS4?=
				MIME-Version: 1.0
				Content-Type: text/plain; charset=UTF-8
				Content-Transfer-Encoding: base64

				4KSo4KSu4KS44KWN4KSk4KWHCg==
				""");
		assertThat(MimeText.subject(message)).isEqualTo("बैलेंस");
		assertThat(MimeText.from(message)).isEqualTo("क्यूब <no-reply@qubeprepaid.local>");
		assertThat(MimeText.body(message)).isEqualTo("नमस्ते\n");
		assertThat(MimeText.headers(message)).containsEntry("Subject", "बैलेंस").containsEntry("To", "t@example.in");
	}

	@Test
	void ofAMultipartTakesTheTextPlainPartInItsCharset() throws Exception {
		MimeMessage message = parse("""
				From: a@example.in
				Subject: both
				MIME-Version: 1.0
				Content-Type: multipart/alternative; boundary="b1"

				--b1
				Content-Type: text/html; charset=UTF-8

				<p>html</p>
				--b1
				Content-Type: text/plain; charset=ISO-8859-1
				Content-Transfer-Encoding: quoted-printable

				caf=E9
				--b1--
				""");
		assertThat(MimeText.body(message)).isEqualToIgnoringWhitespace("café");
	}

	@Test
	void withoutATextPlainPartTakesTheHtmlAsText() throws Exception {
		MimeMessage message = parse("""
				From: a@example.in
				Subject: html only
				MIME-Version: 1.0
				Content-Type: text/html; charset=UTF-8

				<p>only html</p>
				""");
		assertThat(MimeText.body(message)).contains("<p>only html</p>");
	}

	private static MimeMessage parse(String raw) throws Exception {
		String crlf = raw.replace("\n", "\r\n");
		return new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(crlf.getBytes(StandardCharsets.ISO_8859_1)));
	}

}
