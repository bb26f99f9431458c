package eco.qubeprepaid.sandbox.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the shared test context's mail catcher a free loopback port instead of the
 * application.yml's 2525, which a sandbox of {@code ./run.sh} (or another build) may
 * hold. An initializer rather than a property value, so every integration test keeps the
 * one context configuration.
 */
public class FreeSmtpPort implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("sandbox-test-smtp-port", Map.of("sandbox.mail.smtp-port", free())));
	}

	/** A port free on 127.0.0.1 right now. */
	public static int free() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
