package eco.qubeprepaid.balance.work;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eco.qubeprepaid.events.DomainEvent;

/**
 * One database transaction over a set of premises whose locks it holds
 * ({@link PremiseLocks}): each feature keeps its state for them in its own
 * {@link UnitPart}, opened when first asked for, and the events to publish are collected
 * here; {@link UnitsOfWork#flush} writes the parts in bulk, then the outbox. Billing a
 * batch of snapshots this way costs a handful of round trips instead of about fifteen per
 * snapshot, and the logic of one movement is the same for a batch of one.
 * <p>
 * What the database guarantees is unchanged: the locks keep each premise's movements
 * serial, the unique keys still refuse a duplicate effect (a duplicate fails the
 * transaction instead of being skipped), and everything commits together or not at all.
 * Not thread-safe: one transaction, one thread.
 */
public final class UnitOfWork {

	private final Set<String> premises;

	private final Map<Class<?>, UnitPart.Factory<?>> factories;

	private final Map<Class<?>, UnitPart> parts = new LinkedHashMap<>();

	private final List<DomainEvent> events = new ArrayList<>();

	UnitOfWork(Collection<String> premises, Map<Class<?>, UnitPart.Factory<?>> factories) {
		this.premises = Set.copyOf(premises);
		this.factories = factories;
	}

	/**
	 * @return the premises whose locks this transaction holds
	 */
	public Set<String> premises() {
		return this.premises;
	}

	/**
	 * @param premiseId a premise
	 * @throws IllegalStateException unless this transaction holds its lock
	 */
	public void requireLocked(String premiseId) {
		if (!this.premises.contains(premiseId)) {
			throw new IllegalStateException("premise " + premiseId + " is not locked by this transaction");
		}
	}

	/**
	 * A feature's part of this unit, opened on first use.
	 * @param type the part's type
	 * @param <P> the part's type
	 * @return the part
	 */
	public <P extends UnitPart> P part(Class<P> type) {
		UnitPart part = this.parts.get(type);
		if (part == null) {
			UnitPart.Factory<?> factory = this.factories.get(type);
			if (factory == null) {
				throw new IllegalStateException("no unit part of type " + type.getName());
			}
			part = factory.open(this);
			this.parts.put(type, part);
		}
		return type.cast(part);
	}

	/**
	 * Appends an event to the outbox, in this transaction.
	 * @param event the event
	 */
	public void publish(DomainEvent event) {
		this.events.add(event);
	}

	List<UnitPart> partsInFlushOrder() {
		return this.parts.entrySet()
			.stream()
			.sorted(Comparator
				.comparingInt((Map.Entry<Class<?>, UnitPart> entry) -> this.factories.get(entry.getKey()).flushOrder()))
			.map(Map.Entry::getValue)
			.toList();
	}

	List<DomainEvent> events() {
		return this.events;
	}

}
