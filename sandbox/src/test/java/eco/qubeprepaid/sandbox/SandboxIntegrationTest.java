package eco.qubeprepaid.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import eco.qubeprepaid.sandbox.support.FreeSmtpPort;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring test configuration of the sandbox module: every integration test
 * (including client contract tests) uses exactly this, so the context starts once per
 * test JVM. The simulated clock is paused at a fixed slot-aligned instant (tests move it
 * with the admin API), and the default rate limit is high so only tests that set a
 * per-key limit meet it. The mail catcher listens on a free port ({@link FreeSmtpPort}),
 * never on the application.yml's 2525.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(classes = SandboxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sandbox.qube.clock.speed=0", "sandbox.qube.clock.start=2025-10-01T00:00:00Z",
				"sandbox.qube.rate-limit.requests=100000", "sandbox.qube.rate-limit.window-seconds=60",
				"sandbox.qube.ticker-interval-ms=200" })
@ContextConfiguration(initializers = FreeSmtpPort.class)
public @interface SandboxIntegrationTest {

}
