package eco.qubeprepaid.balance.policy.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.balance.jooq.tables.records.PolicyCommandRecord;
import eco.qubeprepaid.service.persistence.DbTime;
import eco.qubeprepaid.balance.policy.domain.TrackedCommand;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.balance.policy.domain.CommandRecord;
import eco.qubeprepaid.balance.policy.application.CommandRepository;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static eco.qubeprepaid.balance.jooq.Tables.POLICY_COMMAND;

/**
 * The {@code policy_command} table: every device command this service requested, its
 * outcome, and how often it was asked. Commands are inserted in the transaction that
 * decided them (with their outbox row); an outcome settles a command once
 * ({@code UPDATE ... WHERE status = 'REQUESTED'}).
 */
@Repository
public class CommandStore implements CommandRepository {

	private final DSLContext dsl;

	public CommandStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Records new commands, one statement for all.
	 * @param commands the commands
	 */
	@Override
	public void insert(List<CommandRecord> commands) {
		if (commands.isEmpty()) {
			return;
		}
		BatchBindStep batch = this.dsl.batch(this.dsl
			.insertInto(POLICY_COMMAND, POLICY_COMMAND.COMMAND_ID, POLICY_COMMAND.PREMISE_ID, POLICY_COMMAND.COMMAND,
					POLICY_COMMAND.BALANCE_PAISE, POLICY_COMMAND.EXPECTED_METER_BALANCE_PAISE, POLICY_COMMAND.REASON,
					POLICY_COMMAND.REQUESTED_BY, POLICY_COMMAND.SEQUENCE, POLICY_COMMAND.REQUESTED_AT,
					POLICY_COMMAND.EXPIRES_AT, POLICY_COMMAND.STATUS, POLICY_COMMAND.ASKS, POLICY_COMMAND.LAST_ASKED_AT)
			.values((UUID) null, null, null, null, null, null, null, null, null, null, null, null, null));
		for (CommandRecord c : commands) {
			batch.bind(c.commandId(), c.premiseId(), c.command().name(), c.balancePaise(),
					c.expectedMeterBalancePaise(), c.reason(), c.requestedBy(), c.sequence(),
					DbTime.utc(c.requestedAt()), DbTime.utc(c.expiresAt()), TrackedCommand.Status.REQUESTED.name(), 1,
					DbTime.utc(c.requestedAt()));
		}
		batch.execute();
	}

	/**
	 * @param commandId a command
	 * @return it, if this service requested it
	 */
	@Override
	public Optional<CommandRecord> find(UUID commandId) {
		return this.dsl.selectFrom(POLICY_COMMAND)
			.where(POLICY_COMMAND.COMMAND_ID.eq(commandId))
			.fetchOptional(CommandStore::record);
	}

	/**
	 * Settles a command once.
	 * @param commandId the command
	 * @param status its outcome
	 * @param failureCode the failure's code, or {@code null}
	 * @param at when
	 * @return whether it was waiting for its outcome and is settled now
	 */
	@Override
	public boolean settle(UUID commandId, TrackedCommand.Status status, String failureCode, Instant at) {
		return this.dsl.update(POLICY_COMMAND)
			.set(POLICY_COMMAND.STATUS, status.name())
			.set(POLICY_COMMAND.FAILURE_CODE, failureCode)
			.set(POLICY_COMMAND.SETTLED_AT, DbTime.utc(at))
			.where(POLICY_COMMAND.COMMAND_ID.eq(commandId))
			.and(POLICY_COMMAND.STATUS.eq(TrackedCommand.Status.REQUESTED.name()))
			.execute() == 1;
	}

	/**
	 * @param askedBefore the instant before which a waiting command was last asked
	 * @param limit the most commands
	 * @return commands still waiting for an outcome that were last asked before then,
	 * oldest first
	 */
	@Override
	public List<CommandRecord> waitingSince(Instant askedBefore, int limit) {
		return this.dsl.selectFrom(POLICY_COMMAND)
			.where(POLICY_COMMAND.STATUS.eq(TrackedCommand.Status.REQUESTED.name()))
			.and(POLICY_COMMAND.LAST_ASKED_AT.lt(DbTime.utc(askedBefore)))
			.orderBy(POLICY_COMMAND.LAST_ASKED_AT)
			.limit(limit)
			.fetch(CommandStore::record);
	}

	/**
	 * Records that a waiting command was asked again.
	 * @param commandId the command
	 * @param at when
	 * @return whether it was still waiting
	 */
	@Override
	public boolean askedAgain(UUID commandId, Instant at) {
		return this.dsl.update(POLICY_COMMAND)
			.set(POLICY_COMMAND.ASKS, POLICY_COMMAND.ASKS.plus(1))
			.set(POLICY_COMMAND.LAST_ASKED_AT, DbTime.utc(at))
			.where(POLICY_COMMAND.COMMAND_ID.eq(commandId))
			.and(POLICY_COMMAND.STATUS.eq(TrackedCommand.Status.REQUESTED.name()))
			.execute() == 1;
	}

	/**
	 * @return how many commands wait for an outcome
	 */
	@Override
	public int waitingCount() {
		return this.dsl.fetchCount(POLICY_COMMAND, POLICY_COMMAND.STATUS.eq(TrackedCommand.Status.REQUESTED.name()));
	}

	/**
	 * @param premiseId a premise
	 * @param limit the most rows
	 * @return its commands, newest first
	 */
	@Override
	public List<CommandRecord> ofPremise(String premiseId, int limit) {
		return this.dsl.selectFrom(POLICY_COMMAND)
			.where(POLICY_COMMAND.PREMISE_ID.eq(premiseId))
			.orderBy(POLICY_COMMAND.SEQUENCE.desc())
			.limit(limit)
			.fetch(CommandStore::record);
	}

	private static CommandRecord record(PolicyCommandRecord r) {
		return new CommandRecord(r.getCommandId(), r.getPremiseId(), DeviceCommand.valueOf(r.getCommand()),
				r.getBalancePaise(), r.getExpectedMeterBalancePaise(), r.getReason(), r.getRequestedBy(),
				r.getSequence(), DbTime.instant(r.getRequestedAt()), DbTime.instant(r.getExpiresAt()),
				TrackedCommand.Status.valueOf(r.getStatus()), r.getAsks(), DbTime.instant(r.getLastAskedAt()),
				DbTime.instant(r.getSettledAt()), r.getFailureCode());
	}

}
