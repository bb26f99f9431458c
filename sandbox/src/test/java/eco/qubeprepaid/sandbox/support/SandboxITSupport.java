package eco.qubeprepaid.sandbox.support;

import eco.qubeprepaid.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Value;

/**
 * Base of the sandbox's own integration tests: the shared Spring configuration and a real
 * HTTP client on the random port.
 */
@SandboxIntegrationTest
public abstract class SandboxITSupport {

	@Value("${local.server.port}")
	private int port;

	protected SandboxHttp http;

	@BeforeEach
	void connect() {
		this.http = new SandboxHttp(this.port);
	}

}
