package eco.qubeprepaid.sandbox.mail;

import java.util.List;
import java.util.Map;

import eco.qubeprepaid.sandbox.web.Html;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /mail}: the caught mails as one plain HTML page, newest first, for a person
 * running {@code ./run.sh} to read what notifier-service sent (subject, recipients, time,
 * headers and the body as sent). Mail is untrusted text: every value is escaped, and the
 * page has no script at all.
 */
@RestController
public class MailPageController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private final MailCatcher catcher;

	public MailPageController(MailCatcher catcher) {
		this.catcher = catcher;
	}

	@GetMapping("/mail")
	public ResponseEntity<String> page(@RequestParam(name = "to", required = false) String to) {
		List<CaughtMail> mails = this.catcher.box().list(to);
		StringBuilder html = new StringBuilder(4096);
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<title>Sandbox mail catcher</title><style>")
			.append("body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem}")
			.append("article{border:1px solid #ccc;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}")
			.append("h2{font-size:1.1rem;margin:.3rem 0}dl{display:grid;grid-template-columns:max-content 1fr;")
			.append("gap:.1rem .8rem;margin:.3rem 0;color:#444;font-size:.9rem}dd{margin:0;overflow-wrap:anywhere}")
			.append("pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:.6rem}")
			.append("details{font-size:.85rem;color:#555}")
			.append("</style></head><body>\n<h1>Sandbox mail catcher</h1>\n<p>")
			.append(smtpLine())
			.append(" Showing ")
			.append(mails.size())
			.append((mails.size() == 1) ? " mail" : " mails");
		if (to != null) {
			html.append(" to <b>").append(Html.escape(to)).append("</b> (<a href=\"/mail\">all</a>)");
		}
		html.append(", newest first. The last ")
			.append(this.catcher.box().maxMessages())
			.append(" are kept; JSON at <a href=\"/admin/mail/messages\">/admin/mail/messages</a>, ")
			.append("clear with <code>POST /admin/mail/reset</code>.</p>\n");
		for (int i = mails.size() - 1; i >= 0; i--) {
			appendMail(html, mails.get(i));
		}
		html.append("</body></html>\n");
		return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore()).body(html.toString());
	}

	private String smtpLine() {
		if (this.catcher.listening()) {
			return "SMTP on <code>" + Html.escape(this.catcher.host()) + ":" + this.catcher.port() + "</code>.";
		}
		if (this.catcher.port() == 0) {
			return "SMTP is off (<code>sandbox.mail.smtp-port=0</code>).";
		}
		return "SMTP on <code>" + Html.escape(this.catcher.host()) + ":" + this.catcher.port()
				+ "</code> is <b>not listening</b> (the port was taken; see the sandbox log).";
	}

	private static void appendMail(StringBuilder html, CaughtMail mail) {
		html.append("<article id=\"mail-").append(mail.id()).append("\"><h2>");
		html.append(mail.subject().isEmpty() ? "(no subject)" : Html.escape(mail.subject()));
		html.append("</h2><dl><dt>To</dt><dd>")
			.append(Html.escape(String.join(", ", mail.to())))
			.append("</dd><dt>From</dt><dd>")
			.append(Html.escape(mail.from()))
			.append("</dd><dt>Received</dt><dd>")
			.append(Html.escape(MailWire.time(mail.receivedAt())))
			.append("</dd></dl><details><summary>Headers</summary><dl>");
		for (Map.Entry<String, String> header : mail.headers().entrySet()) {
			html.append("<dt>")
				.append(Html.escape(header.getKey()))
				.append("</dt><dd>")
				.append(Html.escape(header.getValue()))
				.append("</dd>");
		}
		html.append("</dl></details><pre>").append(Html.escape(mail.body())).append("</pre></article>\n");
	}

}
