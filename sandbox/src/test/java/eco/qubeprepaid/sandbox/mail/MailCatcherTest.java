package eco.qubeprepaid.sandbox.mail;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import eco.qubeprepaid.sandbox.support.FreeSmtpPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The catcher's SMTP side on its own (no Spring context): its limit over real SMTP, port
 * 0 opening nothing, the defaults that keep other JVMs off 2525, loopback only, and a
 * taken port not stopping the sandbox.
 */
class MailCatcherTest {

	private MailCatcher catcher;

	@AfterEach
	void stop() {
		if (this.catcher != null) {
			this.catcher.stop();
		}
	}

	@Test
	void beyondMaxMessagesTheOldestAreDropped() {
		int port = FreeSmtpPort.free();
		this.catcher = start(new MailProperties(port, "127.0.0.1", 2));
		assertThat(this.catcher.listening()).isTrue();

		Smtp.send(port, "a@example.in", "first", "1");
		Smtp.send(port, "a@example.in", "second", "2");
		Smtp.send(port, "b@example.in", "third", "3");

		MailBox box = this.catcher.box();
		await().atMost(Duration.ofSeconds(10)).until(() -> box.dropped() == 1);
		assertThat(box.list(null)).extracting(CaughtMail::subject).containsExactly("second", "third");
		assertThat(box.list(null)).extracting(CaughtMail::id).containsExactly(2L, 3L);
		assertThat(box.count()).isEqualTo(2);
		assertThat(box.latest("a@example.in")).map(CaughtMail::subject).hasValue("second");
	}

	@Test
	void aMailToSeveralRecipientsIsCaughtOnceWithAllOfThem() {
		int port = FreeSmtpPort.free();
		this.catcher = start(new MailProperties(port, "127.0.0.1", 10));

		Smtp.send(port, "ops@example.in, owner@example.in", "drift", "meter drift");

		await().atMost(Duration.ofSeconds(10)).until(() -> this.catcher.box().count() > 0);
		assertThat(this.catcher.box().list(null)).singleElement()
			.satisfies((mail) -> assertThat(mail.to()).containsExactly("ops@example.in", "owner@example.in"));
		assertThat(this.catcher.box().list("owner@example.in")).hasSize(1);
	}

	@Test
	void portZeroOpensNoPort() {
		this.catcher = start(new MailProperties(0, "127.0.0.1", 10));
		assertThat(this.catcher.isRunning()).as("the lifecycle runs").isTrue();
		assertThat(this.catcher.listening()).as("but no SMTP server").isFalse();
		assertThat(this.catcher.port()).isZero();
	}

	@Test
	void theCodeDefaultIsOffWhileApplicationYmlOpens2525() {
		MailProperties defaults = new Binder(new MapConfigurationPropertySource()).bindOrCreate("sandbox.mail",
				MailProperties.class);
		assertThat(defaults.smtpPort()).as("without application.yml (a sandbox in another module's JVM)").isZero();
		assertThat(defaults.enabled()).isFalse();
		assertThat(defaults.smtpHost()).isEqualTo("127.0.0.1");
		assertThat(defaults.maxMessages()).isEqualTo(1000);

		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		Properties applicationYml = yaml.getObject();
		assertThat(applicationYml.getProperty("sandbox.mail.smtp-port")).isEqualTo("2525");
		assertThat(applicationYml.getProperty("sandbox.mail.smtp-host")).isEqualTo("127.0.0.1");
		MailProperties run = new Binder(new MapConfigurationPropertySource(applicationYml)).bindOrCreate("sandbox.mail",
				MailProperties.class);
		assertThat(run.smtpPort()).isEqualTo(2525);
	}

	@Test
	void onlyALoopbackHostIsAccepted() {
		assertThatThrownBy(() -> new MailProperties(2525, "0.0.0.0", 10)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("loopback");
		assertThatThrownBy(() -> new MailProperties(2525, "192.0.2.10", 10))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(new MailProperties(2525, "localhost", 10).smtpHost()).isEqualTo("localhost");
		assertThat(new MailProperties(2525, "127.0.0.1", 10).smtpHost()).isEqualTo("127.0.0.1");
	}

	@Test
	void aTakenPortLeavesTheCatcherOffWithoutFailingTheStart() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.catcher = start(new MailProperties(taken.getLocalPort(), "127.0.0.1", 10));
			assertThat(this.catcher.isRunning()).isTrue();
			assertThat(this.catcher.listening()).isFalse();
		}
	}

	@Test
	void stopClosesThePort() throws IOException {
		int port = FreeSmtpPort.free();
		this.catcher = start(new MailProperties(port, "127.0.0.1", 10));
		assertThat(greeting(port)).startsWith("220");

		this.catcher.stop();
		assertThat(this.catcher.listening()).isFalse();
		assertThatThrownBy(() -> greeting(port)).isInstanceOf(ConnectException.class);
	}

	private static MailCatcher start(MailProperties properties) {
		MailCatcher catcher = new MailCatcher(properties, new MailBox(properties.maxMessages()), Clock.systemUTC());
		catcher.start();
		return catcher;
	}

	/** The first bytes an SMTP server says on connect. */
	private static String greeting(int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
			socket.setSoTimeout(5000);
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[64];
			int read = in.read(buffer);
			return (read > 0) ? new String(buffer, 0, read) : "";
		}
	}

}
