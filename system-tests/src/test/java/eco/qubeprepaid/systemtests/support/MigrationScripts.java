package eco.qubeprepaid.systemtests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds one service's Flyway scripts on a classpath that holds several services. Every
 * service keeps its scripts in {@code classpath:db/migration}, so in one JVM Flyway would
 * see the scripts of all of them (two {@code V1__...} and a failed start); each context
 * is therefore pointed at the scripts of its own jar (or classes folder) on the file
 * system.
 */
public final class MigrationScripts {

	private static final String FOLDER = "db/migration";

	private MigrationScripts() {
	}

	/**
	 * Returns a Flyway location holding only the scripts of the artifact that contains
	 * the given class.
	 * @param applicationClass a class of the service, such as its application class
	 * @return a {@code filesystem:} location
	 */
	public static String locationOf(Class<?> applicationClass) {
		try {
			Path origin = Path.of(applicationClass.getProtectionDomain().getCodeSource().getLocation().toURI());
			if (Files.isDirectory(origin)) {
				return "filesystem:" + origin.resolve(FOLDER);
			}
			return "filesystem:" + extract(origin, applicationClass.getSimpleName());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot locate the artifact of " + applicationClass.getName(), ex);
		}
	}

	private static Path extract(Path jar, String name) {
		try (JarFile file = new JarFile(jar.toFile())) {
			Path target = Files.createTempDirectory("qp-migrations-" + name);
			target.toFile().deleteOnExit();
			Enumeration<JarEntry> entries = file.entries();
			while (entries.hasMoreElements()) {
				JarEntry entry = entries.nextElement();
				if (!entry.isDirectory() && entry.getName().startsWith(FOLDER + "/")) {
					Path script = target.resolve(entry.getName().substring(FOLDER.length() + 1));
					try (InputStream in = file.getInputStream(entry)) {
						Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
					}
					script.toFile().deleteOnExit();
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot extract the Flyway scripts of " + jar, ex);
		}
	}

}
