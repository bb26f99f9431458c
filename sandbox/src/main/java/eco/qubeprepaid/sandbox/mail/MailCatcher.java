package eco.qubeprepaid.sandbox.mail;

import java.time.Clock;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The SMTP side of the mail catcher: GreenMail's SMTP server alone (no POP3 or IMAP, no
 * authentication required; any login is accepted) on the configured loopback address,
 * every mail it receives decoded into the {@link MailBox}. Started and stopped with the
 * application context; with port {@code 0} nothing is opened.
 *
 * <p>
 * GreenMail would file each mail in a mailbox per recipient and keep it forever. Instead
 * its delivery handler is replaced: a mail is decoded once per SMTP transaction
 * (GreenMail calls the handler once per recipient, with the same message) and then
 * discarded, so the {@link MailBox} limit is the only memory the catcher holds.
 *
 * <p>
 * If the port cannot be opened (another sandbox or mail catcher already holds it) the
 * sandbox still starts, without the catcher, and says so in one WARN line: the mail
 * catcher is a convenience beside the simulators, not a reason to lose them.
 */
public class MailCatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(MailCatcher.class);

	private final MailProperties properties;

	private final MailBox box;

	private final Clock clock;

	private volatile GreenMail greenMail;

	private volatile boolean running;

	/**
	 * Guards {@link #lastRecorded}; not {@code this}, which {@link #stop()} holds while
	 * GreenMail waits for its SMTP threads, some of which may be delivering.
	 */
	private final Object deliveryLock = new Object();

	/** The last message recorded, to record each SMTP transaction once. */
	private MovingMessage lastRecorded;

	public MailCatcher(MailProperties properties, MailBox box, Clock clock) {
		this.properties = properties;
		this.box = box;
		this.clock = clock;
	}

	public MailBox box() {
		return this.box;
	}

	/** The configured SMTP address. */
	public String host() {
		return this.properties.smtpHost();
	}

	/** The configured SMTP port ({@code 0}: off). */
	public int port() {
		return this.properties.smtpPort();
	}

	/** Whether the SMTP port is open and accepting mail. */
	public boolean listening() {
		GreenMail server = this.greenMail;
		return server != null && server.isRunning();
	}

	// ---------------------------------------------------------------- lifecycle

	@Override
	public synchronized void start() {
		this.running = true;
		if (!this.properties.enabled()) {
			logger.info("Mail catcher off (sandbox.mail.smtp-port=0)");
			return;
		}
		GreenMail server = new GreenMail(
				new ServerSetup(this.properties.smtpPort(), this.properties.smtpHost(), ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		server.getUserManager().setMessageDeliveryHandler(this::deliver);
		try {
			server.start();
		}
		catch (RuntimeException ex) {
			server.stop();
			logger.warn("Mail catcher could not open SMTP on " + this.properties.smtpHost() + ":"
					+ this.properties.smtpPort() + " (in use? set sandbox.mail.smtp-port, 0 = off); "
					+ "the sandbox runs without it: " + ex.getMessage());
			return;
		}
		this.greenMail = server;
		logger.info("Mail catcher: SMTP on " + this.properties.smtpHost() + ":" + this.properties.smtpPort()
				+ ", keeping the last " + this.properties.maxMessages() + " mails");
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		GreenMail server = this.greenMail;
		this.greenMail = null;
		if (server != null) {
			server.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// ---------------------------------------------------------------- delivery

	/**
	 * GreenMail's delivery handler, called on the SMTP session's thread once per
	 * recipient before the mail is acknowledged: records the mail on the first call of a
	 * transaction and hands GreenMail a user that files nothing.
	 */
	private GreenMailUser deliver(MovingMessage message, MailAddress recipient) {
		synchronized (this.deliveryLock) {
			if (message == this.lastRecorded) {
				return Discard.USER;
			}
			this.lastRecorded = message;
		}
		try {
			record(message);
		}
		catch (RuntimeException ex) {
			logger.warn("Mail catcher could not read a mail; it is left out", ex);
		}
		return Discard.USER;
	}

	private void record(MovingMessage message) {
		MimeMessage mime = message.getMessage();
		List<String> to = message.getToAddresses().stream().map(MailAddress::getEmail).toList();
		String from = MimeText.from(mime);
		if (from == null) {
			from = (message.getReturnPath() != null) ? message.getReturnPath().getEmail() : "";
		}
		this.box.add(from, to, MimeText.subject(mime), MimeText.body(mime), MimeText.headers(mime),
				this.clock.instant());
	}

	/** A GreenMail user that keeps nothing: the {@link MailBox} already has the mail. */
	private static final class Discard implements GreenMailUser {

		static final Discard USER = new Discard();

		@Override
		public String getEmail() {
			return "";
		}

		@Override
		public String getLogin() {
			return "";
		}

		@Override
		public void deliver(MovingMessage msg) {
		}

		@Override
		public void deliver(MimeMessage msg) {
		}

		@Override
		public void create() {
		}

		@Override
		public void delete() {
		}

		@Override
		public String getPassword() {
			return "";
		}

		@Override
		public void setPassword(String newPass) {
		}

		@Override
		public void authenticate(String password) {
		}

		@Override
		public String getQualifiedMailboxName() {
			return "";
		}

	}

}
