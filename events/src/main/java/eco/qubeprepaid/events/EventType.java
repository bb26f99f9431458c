package eco.qubeprepaid.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type: its stable type token (sent in the {@link Headers#EVENT_TYPE} header,
 * never a Java class name), its schema version, its record class and its topic. Changes
 * within a version are additive only; a breaking change is a new version with a new
 * token.
 */
public enum EventType {

	DEVICE_SNAPSHOTTED("device-snapshotted", 1, DeviceSnapshotted.class, Topics.DEVICE_SNAPSHOTS),
	DEVICE_COMMAND_REQUESTED("device-command-requested", 1, DeviceCommandRequested.class, Topics.DEVICE_COMMANDS),
	DEVICE_COMMAND_COMPLETED("device-command-completed", 1, DeviceCommandCompleted.class,
			Topics.DEVICE_COMMAND_RESULTS),
	DEVICE_COMMAND_FAILED("device-command-failed", 1, DeviceCommandFailed.class, Topics.DEVICE_COMMAND_RESULTS),
	DEVICE_IDENTITY_MISSING("device-identity-missing", 1, DeviceIdentityMissing.class, Topics.DEVICE_REGISTRY),
	BALANCE_DEBITED("balance-debited", 1, BalanceDebited.class, Topics.BALANCE_EVENTS),
	BALANCE_CREDITED("balance-credited", 1, BalanceCredited.class, Topics.BALANCE_EVENTS),
	BALANCE_WITHDRAWN("balance-withdrawn", 1, BalanceWithdrawn.class, Topics.BALANCE_EVENTS),
	LOW_BALANCE_REACHED("low-balance-reached", 1, LowBalanceReached.class, Topics.BALANCE_EVENTS),
	FIXED_CHARGE_DEBITED("fixed-charge-debited", 1, FixedChargeDebited.class, Topics.BALANCE_EVENTS),
	READING_QUARANTINED("reading-quarantined", 1, ReadingQuarantined.class, Topics.BALANCE_EVENTS),
	BALANCE_DRIFT_DETECTED("balance-drift-detected", 1, BalanceDriftDetected.class, Topics.BALANCE_EVENTS),
	SUPPLY_RESTORE_OVERDUE("supply-restore-overdue", 1, SupplyRestoreOverdue.class, Topics.BALANCE_EVENTS),
	TOP_UP_CAPTURED("top-up-captured", 1, TopUpCaptured.class, Topics.PAYMENTS),
	TENANT_MOVED_IN("tenant-moved-in", 1, TenantMovedIn.class, Topics.TENANTS),
	TENANT_MOVED_OUT("tenant-moved-out", 1, TenantMovedOut.class, Topics.TENANTS),
	TENANT_LANGUAGE_CHOSEN("tenant-language-chosen", 1, TenantLanguageChosen.class, Topics.TENANTS),
	TOP_UP_FAILED("top-up-failed", 1, TopUpFailed.class, Topics.TENANTS),
	CUTOFF_SCHEDULED("cutoff-scheduled", 1, CutoffScheduled.class, Topics.BALANCE_EVENTS),
	METER_OFFLINE("meter-offline", 1, MeterOffline.class, Topics.DEVICE_REGISTRY);

	private static final Map<String, EventType> BY_TOKEN = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::token, Function.identity()));

	private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

	private final String token;

	private final int version;

	private final Class<? extends DomainEvent> javaType;

	private final String topic;

	EventType(String token, int version, Class<? extends DomainEvent> javaType, String topic) {
		this.token = token;
		this.version = version;
		this.javaType = javaType;
		this.topic = topic;
	}

	/**
	 * @return the stable type token on the wire
	 */
	public String token() {
		return this.token;
	}

	/**
	 * @return the schema version
	 */
	public int version() {
		return this.version;
	}

	/**
	 * @return the record class
	 */
	public Class<? extends DomainEvent> javaType() {
		return this.javaType;
	}

	/**
	 * @return the topic the type is published to
	 */
	public String topic() {
		return this.topic;
	}

	/**
	 * Looks up a type by its token.
	 * @param token the token from the header
	 * @return the type, or empty for a token this build does not know
	 */
	public static Optional<EventType> ofToken(String token) {
		return Optional.ofNullable(BY_TOKEN.get(token));
	}

	/**
	 * Finds the type of an event.
	 * @param event the event
	 * @return its type
	 */
	public static EventType of(DomainEvent event) {
		EventType type = BY_CLASS.get(event.getClass());
		if (type == null) {
			throw new IllegalArgumentException("No event type is registered for " + event.getClass().getName());
		}
		return type;
	}

}
