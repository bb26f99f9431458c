package eco.qubeprepaid.balance.reference;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * An in-memory copy of one reference table (or a few), reloaded whenever
 * {@link ReferenceDataVersion} differs from the version it was loaded at. The version is
 * read before the rows, so a copy is never older than its label; as versions are never
 * reused, a copy can only be served while the database still holds that version. A write
 * through this instance also {@linkplain #invalidate() drops} the copy at once.
 *
 * @param <T> the cached contents (immutable)
 */
public final class ReferenceCache<T> {

	private final ReferenceDataVersion version;

	private final Supplier<T> loader;

	private final AtomicReference<Loaded<T>> loaded = new AtomicReference<>();

	/**
	 * @param version the reference data's version
	 * @param loader reads the contents from the database (in the caller's transaction)
	 */
	public ReferenceCache(ReferenceDataVersion version, Supplier<T> loader) {
		this.version = version;
		this.loader = loader;
	}

	/**
	 * @return the contents as of the current version
	 */
	public T get() {
		long current = this.version.current();
		Loaded<T> copy = this.loaded.get();
		if (copy != null && copy.version() == current) {
			return copy.contents();
		}
		T contents = this.loader.get();
		this.loaded.set(new Loaded<>(current, contents));
		return contents;
	}

	/** Drops the copy after a write through this instance. */
	public void invalidate() {
		this.loaded.set(null);
		this.version.forgetInTransaction();
	}

	private record Loaded<T>(long version, T contents) {
	}

}
