package eco.qubeprepaid.balance.policy.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eco.qubeprepaid.balance.policy.domain.CommandRecord;
import eco.qubeprepaid.balance.policy.domain.Notice;
import eco.qubeprepaid.balance.policy.domain.StoredState;
import eco.qubeprepaid.balance.work.UnitOfWork;
import eco.qubeprepaid.balance.work.UnitPart;

import org.springframework.stereotype.Component;

/**
 * The policy's part of a unit of work: the locked premises' policy and reconciliation
 * states, read in one round trip when first needed, the rung notices on record (the guard
 * of exactly-once low-balance notices) and the commands requested in this transaction;
 * written through the {@link PolicyRepository} and the {@link CommandRepository}, last of
 * all parts.
 */
public final class PolicyStates implements UnitPart {

	private final UnitOfWork work;

	private final PolicyRepository policies;

	private final CommandRepository commandStore;

	private Map<String, StoredState> states;

	private final Map<String, Set<String>> rungsAtLoad = new HashMap<>();

	private final Map<String, Set<String>> rungsOnRecord = new HashMap<>();

	private final Map<String, Map<String, Notice>> noticesAdded = new HashMap<>();

	private final Map<String, StoredState> changed = new LinkedHashMap<>();

	private final List<CommandRecord> commands = new ArrayList<>();

	PolicyStates(UnitOfWork work, PolicyRepository policies, CommandRepository commandStore) {
		this.work = work;
		this.policies = policies;
		this.commandStore = commandStore;
	}

	/**
	 * A premise's policy and reconciliation state; its crossed rungs are the rungs with a
	 * notice on record.
	 * @param premiseId a premise of this unit
	 * @return the state
	 */
	public StoredState state(String premiseId) {
		this.work.requireLocked(premiseId);
		if (this.states == null) {
			this.states = new HashMap<>(this.policies.load(this.work.premises()));
			this.states.forEach((premise, stored) -> {
				this.rungsAtLoad.put(premise, Set.copyOf(stored.policy().crossedRungs()));
				this.rungsOnRecord.put(premise, new HashSet<>(stored.policy().crossedRungs()));
			});
		}
		return this.states.get(premiseId);
	}

	/**
	 * Records a rung crossing unless one is on record (until it is re-armed).
	 * @param notice the crossing
	 * @return whether it was recorded now (and so must be notified)
	 */
	public boolean recordCrossing(Notice notice) {
		state(notice.premiseId());
		if (!this.rungsOnRecord.get(notice.premiseId()).add(notice.rung())) {
			return false;
		}
		this.noticesAdded.computeIfAbsent(notice.premiseId(), (premise) -> new HashMap<>()).put(notice.rung(), notice);
		return true;
	}

	/**
	 * Saves a premise's state. Rungs on record that the new state no longer counts as
	 * crossed are re-armed (their notice rows go).
	 * @param premiseId a premise of this unit
	 * @param next the new state
	 */
	public void save(String premiseId, StoredState next) {
		state(premiseId);
		Set<String> onRecord = this.rungsOnRecord.get(premiseId);
		onRecord.retainAll(next.policy().crossedRungs());
		Map<String, Notice> added = this.noticesAdded.get(premiseId);
		if (added != null) {
			added.keySet().retainAll(onRecord);
		}
		StoredState saved = new StoredState(next.policy().withCrossedRungs(onRecord), next.reconciliation());
		this.states.put(premiseId, saved);
		this.changed.put(premiseId, saved);
	}

	/**
	 * Records a device command this service requested (its audit and the source of
	 * re-asks), in this transaction.
	 * @param command the command
	 */
	public void recordCommand(CommandRecord command) {
		this.work.requireLocked(command.premiseId());
		this.commands.add(command);
	}

	@Override
	public void flush(Instant now) {
		this.policies.save(this.changed, now);
		this.policies.writeNotices(rungsRemoved(), noticesAdded());
		this.commandStore.insert(this.commands);
	}

	private Map<String, Set<String>> rungsRemoved() {
		Map<String, Set<String>> removed = new HashMap<>();
		this.rungsAtLoad.forEach((premiseId, atLoad) -> {
			Set<String> gone = new HashSet<>(atLoad);
			gone.removeAll(this.rungsOnRecord.get(premiseId));
			if (!gone.isEmpty()) {
				removed.put(premiseId, gone);
			}
		});
		return removed;
	}

	private List<Notice> noticesAdded() {
		return this.noticesAdded.values().stream().flatMap((byRung) -> byRung.values().stream()).toList();
	}

	/** Opens the policy's part of each unit of work. */
	@Component
	public static class Factory extends UnitPart.Factory<PolicyStates> {

		public Factory(PolicyRepository policies, CommandRepository commands) {
			super(PolicyStates.class, 40, (work) -> new PolicyStates(work, policies, commands));
		}

	}

}
