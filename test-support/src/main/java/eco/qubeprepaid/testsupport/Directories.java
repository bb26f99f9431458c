package eco.qubeprepaid.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-system helpers for the servers' scratch directories. */
final class Directories {

	private Directories() {
	}

	/**
	 * Deletes a directory tree, ignoring files that vanish or cannot be removed: it only
	 * cleans up scratch space, so a leftover file must not fail a test run.
	 * @param root the tree to delete
	 */
	static void deleteQuietly(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					// Scratch space only: a file that cannot be removed is left for the
					// OS.
				}
			});
		}
		catch (IOException ex) {
			// Same reasoning as above.
		}
	}

}
