package eco.qubeprepaid.poller.registry.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.events.MeterOffline;
import eco.qubeprepaid.poller.registry.domain.EpochReason;
import eco.qubeprepaid.poller.registry.domain.LastReading;
import eco.qubeprepaid.poller.registry.domain.OfflineEpisode;
import eco.qubeprepaid.poller.registry.domain.Premise;
import eco.qubeprepaid.poller.registry.domain.PremiseIdentity;
import eco.qubeprepaid.poller.registry.domain.PremiseRegistry;
import eco.qubeprepaid.poller.registry.domain.UnidentifiedDevice;
import eco.qubeprepaid.service.outbox.Outbox;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Table;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.when;

/**
 * The registry in the poller's PostgreSQL database, through jOOQ's DSL over the table and
 * column names of the Flyway migrations (no generated classes: the schema is small and
 * the integration tests run every statement against the real migrations).
 */
@Repository
public class JooqPremiseRegistry implements PremiseRegistry {

	static final Table<Record> PREMISES = table(name("premises"));

	static final Field<String> PREMISE_ID = field(name("premise_id"), String.class);

	static final Field<String> API_KEY_NAME = field(name("api_key_name"), String.class);

	static final Field<String> DEVICE_ID = field(name("device_id"), String.class);

	static final Field<Integer> EPOCH = field(name("epoch"), Integer.class);

	static final Field<BigDecimal> LAST_ENERGY = field(name("last_energy_kwh"), BigDecimal.class);

	static final Field<Long> LAST_BALANCE = field(name("last_balance_paise"), Long.class);

	static final Field<Boolean> LAST_ONLINE = field(name("last_online"), Boolean.class);

	static final Field<OffsetDateTime> LAST_OBSERVED_AT = field(name("last_observed_at"), OffsetDateTime.class);

	static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);

	static final Field<OffsetDateTime> OFFLINE_SINCE = field(name("offline_since"), OffsetDateTime.class);

	static final Field<Boolean> OFFLINE_NOTICED = field(name("offline_noticed"), Boolean.class);

	/** The existing row's device in an upsert (unqualified, it would be ambiguous). */
	static final Field<String> STORED_DEVICE_ID = field(name("premises", "device_id"), String.class);

	static final Field<OffsetDateTime> STORED_OFFLINE_SINCE = field(name("premises", "offline_since"),
			OffsetDateTime.class);

	static final Field<Boolean> STORED_OFFLINE_NOTICED = field(name("premises", "offline_noticed"), Boolean.class);

	static final Table<Record> OUTBOX = table(name("outbox"));

	static final Field<UUID> OUTBOX_EVENT_ID = field(name("event_id"), UUID.class);

	static final Table<Record> EPOCHS = table(name("meter_epochs"));

	static final Field<String> REASON = field(name("reason"), String.class);

	static final Field<OffsetDateTime> STARTED_AT = field(name("started_at"), OffsetDateTime.class);

	static final Table<Record> UNIDENTIFIED = table(name("unidentified_devices"));

	static final Field<Long> SPACE_ID = field(name("space_id"), Long.class);

	static final Field<String> NAME = field(name("name"), String.class);

	static final Field<OffsetDateTime> FIRST_SEEN_AT = field(name("first_seen_at"), OffsetDateTime.class);

	private final DSLContext dsl;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	public JooqPremiseRegistry(DSLContext dsl, Outbox outbox, TransactionTemplate transactions) {
		this.dsl = dsl;
		this.outbox = outbox;
		this.transactions = transactions;
	}

	@Override
	public Optional<Premise> find(PremiseIdentity identity) {
		return this.dsl.selectFrom(PREMISES)
			.where(PREMISE_ID.eq(identity.value()))
			.fetchOptional()
			.map(JooqPremiseRegistry::premise);
	}

	@Override
	public List<Premise> findByKey(String apiKeyName) {
		return this.dsl.selectFrom(PREMISES)
			.where(API_KEY_NAME.eq(apiKeyName))
			.orderBy(PREMISE_ID)
			.fetch(JooqPremiseRegistry::premise);
	}

	@Override
	public void startEpoch(Premise premise, EpochReason reason, Instant startedAt) {
		OffsetDateTime at = utc(startedAt);
		this.transactions.executeWithoutResult((status) -> {
			this.dsl.insertInto(PREMISES)
				.set(PREMISE_ID, premise.identity().value())
				.set(API_KEY_NAME, premise.apiKeyName())
				.set(DEVICE_ID, premise.deviceId())
				.set(EPOCH, premise.epoch())
				.set(UPDATED_AT, at)
				.onConflict(PREMISE_ID)
				.doUpdate()
				.set(API_KEY_NAME, premise.apiKeyName())
				.set(DEVICE_ID, premise.deviceId())
				.set(EPOCH, premise.epoch())
				// A new epoch has no reading yet; last_observed_at stays as the staleness
				// mark for the gap fill.
				.setNull(LAST_ENERGY)
				// Another device (a replacement) has no offline episode yet; a register
				// drop on the same device keeps its episode.
				.set(OFFLINE_SINCE,
						when(STORED_DEVICE_ID.eq(premise.deviceId()), STORED_OFFLINE_SINCE)
							.otherwise(inline(null, OffsetDateTime.class)))
				.set(OFFLINE_NOTICED,
						when(STORED_DEVICE_ID.eq(premise.deviceId()), STORED_OFFLINE_NOTICED).otherwise(inline(false)))
				.set(UPDATED_AT, at)
				.execute();
			this.dsl.insertInto(EPOCHS)
				.set(PREMISE_ID, premise.identity().value())
				.set(EPOCH, premise.epoch())
				.set(DEVICE_ID, premise.deviceId())
				.set(REASON, reason.name())
				.set(STARTED_AT, at)
				.execute();
		});
	}

	@Override
	public void saveLast(Premise premise) {
		LastReading last = premise.last();
		this.dsl.update(PREMISES)
			.set(LAST_ENERGY, last.energyKwh())
			.set(LAST_BALANCE, last.balancePaise())
			.set(LAST_ONLINE, last.online())
			.set(LAST_OBSERVED_AT, utc(last.observedAt()))
			.set(UPDATED_AT, utc(last.observedAt()))
			.where(PREMISE_ID.eq(premise.identity().value()).and(EPOCH.eq(premise.epoch())))
			.execute();
	}

	@Override
	public void recordPresence(PremiseIdentity identity, String deviceId, boolean online, Instant observedAt) {
		if (online) {
			this.dsl.update(PREMISES)
				.setNull(OFFLINE_SINCE)
				.set(OFFLINE_NOTICED, false)
				.where(PREMISE_ID.eq(identity.value()).and(DEVICE_ID.eq(deviceId)).and(OFFLINE_SINCE.isNotNull()))
				.execute();
		}
		else {
			this.dsl.update(PREMISES)
				.set(OFFLINE_SINCE, utc(observedAt))
				.set(OFFLINE_NOTICED, false)
				.where(PREMISE_ID.eq(identity.value()).and(DEVICE_ID.eq(deviceId)).and(OFFLINE_SINCE.isNull()))
				.execute();
		}
	}

	@Override
	public Optional<OfflineEpisode> noticeOffline(PremiseIdentity identity, Instant cutoff, Instant now) {
		// The row lock of the update makes a concurrent notice of the same episode wait
		// and then find it noticed.
		Optional<OfflineEpisode> noticed = this.dsl.update(PREMISES)
			.set(OFFLINE_NOTICED, true)
			.where(PREMISE_ID.eq(identity.value()))
			.and(OFFLINE_NOTICED.isFalse())
			.and(OFFLINE_SINCE.le(utc(cutoff)))
			.returningResult(DEVICE_ID, OFFLINE_SINCE)
			.fetchOptional()
			.map((Record2<String, OffsetDateTime> row) -> new OfflineEpisode(identity, row.value1(),
					row.value2().toInstant()));
		noticed.ifPresent((episode) -> {
			UUID eventId = episode.noticeId();
			if (!this.dsl.fetchExists(OUTBOX, OUTBOX_EVENT_ID.eq(eventId))) {
				this.outbox
					.append(new MeterOffline(eventId, now, identity.value(), episode.deviceId(), episode.since()));
			}
		});
		return noticed;
	}

	@Override
	public void replaceUnidentified(String apiKeyName, Collection<UnidentifiedDevice> devices) {
		this.transactions.executeWithoutResult((status) -> {
			this.dsl.deleteFrom(UNIDENTIFIED)
				.where(API_KEY_NAME.eq(apiKeyName))
				.and(DEVICE_ID.notIn(devices.stream().map(UnidentifiedDevice::deviceId).toList()))
				.execute();
			for (UnidentifiedDevice device : devices) {
				this.dsl.insertInto(UNIDENTIFIED)
					.set(DEVICE_ID, device.deviceId())
					.set(API_KEY_NAME, apiKeyName)
					.set(SPACE_ID, device.spaceId())
					.set(NAME, device.name())
					.set(FIRST_SEEN_AT, utc(device.firstSeenAt()))
					.onConflict(DEVICE_ID)
					.doUpdate()
					.set(API_KEY_NAME, apiKeyName)
					.set(SPACE_ID, device.spaceId())
					.set(NAME, device.name())
					.execute();
			}
		});
	}

	@Override
	public List<UnidentifiedDevice> unidentified() {
		return this.dsl.selectFrom(UNIDENTIFIED)
			.orderBy(DEVICE_ID)
			.fetch((r) -> new UnidentifiedDevice(r.get(DEVICE_ID), r.get(API_KEY_NAME), r.get(SPACE_ID), r.get(NAME),
					r.get(FIRST_SEEN_AT).toInstant()));
	}

	private static Premise premise(Record r) {
		OffsetDateTime observedAt = r.get(LAST_OBSERVED_AT);
		LastReading last = (observedAt != null) ? new LastReading(r.get(LAST_ENERGY), r.get(LAST_BALANCE),
				Boolean.TRUE.equals(r.get(LAST_ONLINE)), observedAt.toInstant()) : null;
		return new Premise(new PremiseIdentity(r.get(PREMISE_ID)), r.get(API_KEY_NAME), r.get(DEVICE_ID), r.get(EPOCH),
				last);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
