package eco.qubeprepaid.poller.command.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandFailed;
import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.poller.command.domain.CommandRules;
import eco.qubeprepaid.poller.command.domain.PendingCommand;
import eco.qubeprepaid.service.outbox.Outbox;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;

/**
 * The {@code device_commands} table. Accepting a command records the Kafka event in
 * {@code processed_events} and the command under its UNIQUE {@code command_id} in one
 * transaction, so a redelivered event or a repeated command id changes nothing. Finishing
 * a command moves it out of PENDING and writes its outcome event to the outbox in one
 * transaction, and only if it was still PENDING, so it is reported exactly once.
 */
@Repository
public class JooqCommandStore {

	private static final Table<Record> PROCESSED = table(name("processed_events"));

	private static final Field<UUID> PROCESSED_EVENT_ID = field(name("event_id"), UUID.class);

	private static final Field<String> PROCESSED_EVENT_TYPE = field(name("event_type"), String.class);

	private static final Table<Record> COMMANDS = table(name("device_commands")).as("c");

	private static final Table<Record> COMMANDS_TABLE = table(name("device_commands"));

	private static final Field<UUID> COMMAND_ID = field(name("command_id"), UUID.class);

	private static final Field<UUID> EVENT_ID = field(name("event_id"), UUID.class);

	private static final Field<String> PREMISE_ID = field(name("premise_id"), String.class);

	private static final Field<String> COMMAND = field(name("command"), String.class);

	private static final Field<Long> BALANCE = field(name("balance_paise"), Long.class);

	private static final Field<Long> EXPECTED_BALANCE = field(name("expected_meter_balance_paise"), Long.class);

	private static final Field<Long> SEQUENCE = field(name("sequence"), Long.class);

	private static final Field<String> REASON = field(name("reason"), String.class);

	private static final Field<String> REQUESTED_BY = field(name("requested_by"), String.class);

	private static final Field<OffsetDateTime> REQUESTED_AT = field(name("requested_at"), OffsetDateTime.class);

	private static final Field<OffsetDateTime> EXPIRES_AT = field(name("expires_at"), OffsetDateTime.class);

	private static final Field<String> STATUS = field(name("status"), String.class);

	private static final Field<Integer> ATTEMPTS = field(name("attempts"), Integer.class);

	private static final Field<OffsetDateTime> NEXT_ATTEMPT_AT = field(name("next_attempt_at"), OffsetDateTime.class);

	private static final Field<String> DEVICE_ID = field(name("device_id"), String.class);

	private static final Field<String> LAST_ERROR = field(name("last_error"), String.class);

	private static final Field<OffsetDateTime> WRITE_SENT_AT = field(name("write_sent_at"), OffsetDateTime.class);

	private static final Field<OffsetDateTime> FINISHED_AT = field(name("finished_at"), OffsetDateTime.class);

	private static final Field<String> C_PREMISE_ID = field(name("c", "premise_id"), String.class);

	private static final Field<OffsetDateTime> C_REQUESTED_AT = field(name("c", "requested_at"), OffsetDateTime.class);

	private static final Field<UUID> C_COMMAND_ID = field(name("c", "command_id"), UUID.class);

	private static final Table<Record> PREMISES = table(name("premises")).as("p");

	private static final Field<String> P_PREMISE_ID = field(name("p", "premise_id"), String.class);

	private static final Field<String> P_KEY = field(name("p", "api_key_name"), String.class);

	private static final String PENDING = "PENDING";

	private static final String FAILED = "FAILED";

	private final DSLContext dsl;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	public JooqCommandStore(DSLContext dsl, Outbox outbox, TransactionTemplate transactions) {
		this.dsl = dsl;
		this.outbox = outbox;
		this.transactions = transactions;
	}

	/**
	 * Stores a requested command unless its event or its command id was seen before. A
	 * command is ordered among its premise's commands by the time it was requested, then
	 * by the requester's sequence. Relay commands form one kind and balance sets another;
	 * within a kind only the newest matters (both are absolute), so a command arriving
	 * after a newer one of its kind is finished as superseded at once, and a new command
	 * finishes the older ones of its kind still pending as superseded. Each superseded
	 * command's {@code DeviceCommandFailed} goes to the outbox in the same transaction. A
	 * relay-off published late can therefore never be applied after the relay-on that
	 * followed it.
	 * @param request the request
	 * @param now the time
	 * @return true if it is new and now pending
	 */
	public boolean accept(DeviceCommandRequested request, Instant now) {
		Boolean accepted = this.transactions.execute((status) -> {
			int firstDelivery = this.dsl.insertInto(PROCESSED)
				.set(PROCESSED_EVENT_ID, request.eventId())
				.set(PROCESSED_EVENT_TYPE, "device-command-requested")
				.onConflictDoNothing()
				.execute();
			if (firstDelivery == 0) {
				return false;
			}
			// A premise's commands are accepted one at a time (a transaction-scoped
			// advisory lock on the premise, in a key space of its own), so two arrivals
			// cannot each miss the other.
			this.dsl.fetch("SELECT pg_advisory_xact_lock(8008, hashtext(?))", request.premiseId());
			boolean superseded = this.dsl.fetchExists(this.dsl.selectOne()
				.from(COMMANDS_TABLE)
				.where(PREMISE_ID.eq(request.premiseId()))
				.and(COMMAND.in(sameKind(request.command())))
				.and(COMMAND_ID.ne(request.commandId()))
				.and(newerThan(utc(request.occurredAt()), request.sequence(), request.commandId())));
			int inserted = this.dsl.insertInto(COMMANDS_TABLE)
				.set(COMMAND_ID, request.commandId())
				.set(EVENT_ID, request.eventId())
				.set(PREMISE_ID, request.premiseId())
				.set(COMMAND, request.command().name())
				.set(BALANCE, request.balancePaise())
				.set(EXPECTED_BALANCE, request.expectedMeterBalancePaise())
				.set(SEQUENCE, request.sequence())
				.set(REASON, request.reason())
				.set(REQUESTED_BY, request.requestedBy())
				.set(REQUESTED_AT, utc(request.occurredAt()))
				.set(EXPIRES_AT, utc(request.expiresAt()))
				.set(STATUS, superseded ? FAILED : PENDING)
				.set(LAST_ERROR, superseded ? CommandRules.SUPERSEDED : null)
				.set(FINISHED_AT, superseded ? utc(now) : null)
				.set(NEXT_ATTEMPT_AT, utc(now))
				.onConflictDoNothing()
				.execute();
			if (inserted == 0) {
				return false;
			}
			if (superseded) {
				this.outbox.append(supersededEvent(request.premiseId(), request.commandId(), request.command(), now,
						"a newer " + kind(request.command()) + " command of the premise was requested before it"));
				return false;
			}
			Result<Record2<UUID, String>> older = this.dsl.update(COMMANDS_TABLE)
				.set(STATUS, FAILED)
				.set(LAST_ERROR, CommandRules.SUPERSEDED)
				.set(FINISHED_AT, utc(now))
				.where(PREMISE_ID.eq(request.premiseId()))
				.and(COMMAND.in(sameKind(request.command())))
				.and(STATUS.eq(PENDING))
				.and(COMMAND_ID.ne(request.commandId()))
				.returningResult(COMMAND_ID, COMMAND)
				.fetch();
			for (Record2<UUID, String> row : older) {
				this.outbox.append(supersededEvent(request.premiseId(), row.get(COMMAND_ID),
						DeviceCommand.valueOf(row.get(COMMAND)), now,
						"superseded by the newer command " + request.commandId()));
			}
			return true;
		});
		return Boolean.TRUE.equals(accepted);
	}

	private static List<String> sameKind(DeviceCommand command) {
		return (command == DeviceCommand.SET_BALANCE) ? List.of(DeviceCommand.SET_BALANCE.name())
				: List.of(DeviceCommand.RELAY_ON.name(), DeviceCommand.RELAY_OFF.name());
	}

	private static String kind(DeviceCommand command) {
		return (command == DeviceCommand.SET_BALANCE) ? "balance" : "relay";
	}

	/**
	 * The rows requested after the given order key: later requested_at, or the same and a
	 * higher sequence (or, with no sequence to tell, a higher command id).
	 */
	private static Condition newerThan(OffsetDateTime requestedAt, Long sequence, UUID commandId) {
		Condition sameTime = REQUESTED_AT.eq(requestedAt);
		Condition laterInTime = REQUESTED_AT.gt(requestedAt);
		Condition laterSequence = (sequence != null) ? SEQUENCE.gt(sequence)
				: SEQUENCE.isNull().and(COMMAND_ID.gt(commandId));
		return laterInTime.or(sameTime.and(laterSequence));
	}

	private static DeviceCommandFailed supersededEvent(String premiseId, UUID commandId, DeviceCommand command,
			Instant now, String detail) {
		return new DeviceCommandFailed(UUID.randomUUID(), now, premiseId, commandId, command, null,
				CommandRules.SUPERSEDED, detail, 0);
	}

	/**
	 * Loads the commands of one key that are due now, in each premise's order (requested
	 * at, then the requester's sequence). A command waits while an older command of the
	 * same premise is still pending, so that, say, a balance set and the relay-on after
	 * it are applied in that order; but not behind one that has already taken
	 * {@link CommandRules#BLOCKING_ATTEMPTS} writes without taking effect. Commands for
	 * premises the registry does not know yet are handed to {@code orphanKey} so that
	 * they expire properly.
	 * @param keyName the key
	 * @param orphanKey whether this key also takes commands of unknown premises
	 * @param now the time
	 * @param limit the most commands
	 * @return the due commands
	 */
	public List<PendingCommand> due(String keyName, boolean orphanKey, Instant now, int limit) {
		Table<Record> older = table(name("device_commands")).as("o");
		Field<OffsetDateTime> oRequestedAt = field(name("o", "requested_at"), OffsetDateTime.class);
		Field<Long> oSequence = field(name("o", "sequence"), Long.class);
		Field<Long> cSequence = field(name("c", "sequence"), Long.class);
		Condition noOlderPending = notExists(selectOne().from(older)
			.where(field(name("o", "premise_id"), String.class).eq(C_PREMISE_ID))
			.and(field(name("o", "status"), String.class).eq(PENDING))
			.and(field(name("o", "attempts"), Integer.class).lt(CommandRules.BLOCKING_ATTEMPTS))
			.and(oRequestedAt.lt(C_REQUESTED_AT)
				.or(oRequestedAt.eq(C_REQUESTED_AT)
					.and(DSL.coalesce(oSequence, -1L)
						.lt(DSL.coalesce(cSequence, -1L))
						.or(DSL.coalesce(oSequence, -1L)
							.eq(DSL.coalesce(cSequence, -1L))
							.and(field(name("o", "command_id"), UUID.class).lt(C_COMMAND_ID)))))));
		Condition ofKey = exists(
				selectOne().from(PREMISES).where(P_PREMISE_ID.eq(C_PREMISE_ID)).and(P_KEY.eq(keyName)));
		if (orphanKey) {
			ofKey = ofKey.or(notExists(selectOne().from(PREMISES).where(P_PREMISE_ID.eq(C_PREMISE_ID))));
		}
		return this.dsl
			.select(C_COMMAND_ID, C_PREMISE_ID, field(name("c", "command"), String.class),
					field(name("c", "balance_paise"), Long.class), C_REQUESTED_AT,
					field(name("c", "expires_at"), OffsetDateTime.class), field(name("c", "attempts"), Integer.class),
					field(name("c", "expected_meter_balance_paise"), Long.class),
					field(name("c", "write_sent_at"), OffsetDateTime.class))
			.from(COMMANDS)
			.where(field(name("c", "status"), String.class).eq(PENDING))
			.and(field(name("c", "next_attempt_at"), OffsetDateTime.class).le(utc(now)))
			.and(noOlderPending)
			.and(ofKey)
			.orderBy(C_REQUESTED_AT, DSL.coalesce(cSequence, -1L), C_COMMAND_ID)
			.limit(limit)
			.fetch((r) -> new PendingCommand(r.get(0, UUID.class), r.get(1, String.class),
					DeviceCommand.valueOf(r.get(2, String.class)), r.get(3, Long.class),
					r.get(4, OffsetDateTime.class).toInstant(), r.get(5, OffsetDateTime.class).toInstant(),
					r.get(6, Integer.class), r.get(7, Long.class), r.get(8, OffsetDateTime.class) != null));
	}

	/**
	 * Records, before a write is sent, that it is about to be (committed at once): a
	 * retry after a crash between sending and recording knows the write may have landed.
	 * @param commandId the command
	 * @param now the time
	 */
	public void markWriteSent(UUID commandId, Instant now) {
		this.dsl.update(COMMANDS_TABLE)
			.set(WRITE_SENT_AT, DSL.coalesce(WRITE_SENT_AT, DSL.val(utc(now))))
			.where(COMMAND_ID.eq(commandId))
			.and(STATUS.eq(PENDING))
			.execute();
	}

	/**
	 * Schedules another try.
	 * @param commandId the command
	 * @param attempts the writes sent so far
	 * @param deviceId the device tried, may be {@code null}
	 * @param error why it is not done yet
	 * @param nextAttemptAt when to try again
	 */
	public void retryLater(UUID commandId, int attempts, String deviceId, String error, Instant nextAttemptAt) {
		this.dsl.update(COMMANDS_TABLE)
			.set(ATTEMPTS, attempts)
			.set(DEVICE_ID, deviceId)
			.set(LAST_ERROR, error)
			.set(NEXT_ATTEMPT_AT, utc(nextAttemptAt))
			.where(COMMAND_ID.eq(commandId))
			.and(STATUS.eq(PENDING))
			.execute();
	}

	/**
	 * Finishes a command and writes its outcome to the outbox, once.
	 * @param commandId the command
	 * @param completed true for COMPLETED, false for FAILED
	 * @param attempts the writes sent
	 * @param deviceId the device, may be {@code null}
	 * @param error the error code of a failure, {@code null} on success
	 * @param outcome the event to publish
	 * @param now the time
	 * @return true if this call finished it (false if it was finished already)
	 */
	public boolean finish(UUID commandId, boolean completed, int attempts, String deviceId, String error,
			DomainEvent outcome, Instant now) {
		Boolean finished = this.transactions.execute((status) -> {
			int updated = this.dsl.update(COMMANDS_TABLE)
				.set(STATUS, completed ? "COMPLETED" : "FAILED")
				.set(ATTEMPTS, attempts)
				.set(DEVICE_ID, deviceId)
				.set(LAST_ERROR, error)
				.set(FINISHED_AT, utc(now))
				.where(COMMAND_ID.eq(commandId))
				.and(STATUS.eq(PENDING))
				.execute();
			if (updated == 1) {
				this.outbox.append(outcome);
			}
			return updated == 1;
		});
		return Boolean.TRUE.equals(finished);
	}

	/**
	 * Counts the pending commands.
	 * @return the depth of the command queue
	 */
	public int pendingCount() {
		return this.dsl.select(count()).from(COMMANDS_TABLE).where(STATUS.eq(PENDING)).fetchOne(0, Integer.class);
	}

	/**
	 * Returns a command's status, for diagnostics and tests.
	 * @param commandId the command
	 * @return the status, or {@code null} if unknown
	 */
	public String status(UUID commandId) {
		return this.dsl.select(STATUS).from(COMMANDS_TABLE).where(COMMAND_ID.eq(commandId)).fetchOne(STATUS);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
