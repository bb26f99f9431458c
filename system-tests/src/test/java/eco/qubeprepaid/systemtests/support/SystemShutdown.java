package eco.qubeprepaid.systemtests.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared {@link SystemUnderTest} when the test run ends, while the broker and
 * PostgreSQL are still up: left to the JVM's shutdown hooks, the services and the servers
 * would stop at the same time and the services would log connection errors on the way
 * out. Registered in {@code META-INF/services}.
 */
public class SystemShutdown implements LauncherSessionListener {

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		SystemUnderTest.stopIfStarted();
	}

}
