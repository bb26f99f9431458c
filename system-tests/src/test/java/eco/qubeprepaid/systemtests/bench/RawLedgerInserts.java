package eco.qubeprepaid.systemtests.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.balance.BalanceApplication;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.systemtests.support.MigrationScripts;
import eco.qubeprepaid.testsupport.PostgresServer;
import org.flywaydb.core.Flyway;

/**
 * The raw ceiling of the throughput benchmark: the rows balance-service writes for one
 * billed snapshot, written with plain JDBC batches into a fresh database with the same
 * schema (the same Flyway scripts, so the same constraints and triggers), many snapshots
 * per transaction. Per snapshot: {@code processed_events}, {@code ledger_transaction},
 * two {@code ledger_entry} rows, {@code consumption}, {@code outbox}, and upserts of
 * {@code tariff_segment} and {@code meter_state}.
 */
final class RawLedgerInserts {

	private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	private final PostgresServer.Database database;

	RawLedgerInserts(PostgresServer.Database database) {
		this.database = database;
		Flyway.configure()
			.dataSource(database.jdbcUrl(), database.username(), database.password())
			.locations(MigrationScripts.locationOf(BalanceApplication.class))
			.load()
			.migrate();
	}

	/**
	 * Writes the rows of the snapshots and returns the time it took.
	 * @param premises the premises (their wallets are created first, untimed)
	 * @param snapshots the snapshots
	 * @param batch snapshots per transaction
	 * @param rewrite whether the driver sends each batch as multi-row INSERTs
	 * ({@code reWriteBatchedInserts}, as balance-service's pool does) or statement by
	 * statement
	 * @return nanoseconds spent on the timed part
	 */
	long write(List<String> premises, List<DeviceSnapshotted> snapshots, int batch, boolean rewrite)
			throws SQLException {
		String url = this.database.jdbcUrl() + (this.database.jdbcUrl().contains("?") ? "&" : "?")
				+ "reWriteBatchedInserts=" + rewrite;
		try (Connection connection = DriverManager.getConnection(url, this.database.username(),
				this.database.password())) {
			connection.setAutoCommit(false);
			try (PreparedStatement wallet = connection
				.prepareStatement("INSERT INTO account (account_id, kind, premise_id) VALUES (?, 'WALLET', ?)")) {
				for (String premise : premises) {
					wallet.setString(1, "wallet:" + premise);
					wallet.setString(2, premise);
					wallet.addBatch();
				}
				wallet.executeBatch();
			}
			connection.commit();
			long began = System.nanoTime();
			try (Statements statements = new Statements(connection)) {
				int inBatch = 0;
				for (DeviceSnapshotted snapshot : snapshots) {
					statements.add(snapshot);
					if (++inBatch == batch) {
						statements.execute();
						connection.commit();
						inBatch = 0;
					}
				}
				statements.execute();
				connection.commit();
			}
			return System.nanoTime() - began;
		}
	}

	/** The prepared statements of one snapshot's rows. */
	private static final class Statements implements AutoCloseable {

		private static final long RATE = 800;

		private static final long ENERGY_MWH = 123_456;

		private final List<PreparedStatement> all;

		private final PreparedStatement processed;

		private final PreparedStatement transaction;

		private final PreparedStatement entry;

		private final PreparedStatement consumption;

		private final PreparedStatement segment;

		private final PreparedStatement state;

		private final PreparedStatement outbox;

		Statements(Connection connection) throws SQLException {
			this.processed = connection.prepareStatement(
					"INSERT INTO processed_events (event_id, event_type) VALUES (?, 'device-snapshotted')");
			this.transaction = connection.prepareStatement(
					"INSERT INTO ledger_transaction (tx_id, idempotency_key, premise_id, kind, description, occurred_at)"
							+ " VALUES (?, ?, ?, 'ENERGY', 'EB energy 0.123456 kWh at 800 paise/kWh', ?)");
			this.entry = connection
				.prepareStatement("INSERT INTO ledger_entry (tx_id, account_id, amount_paise) VALUES (?, ?, ?)");
			this.consumption = connection.prepareStatement("INSERT INTO consumption (snapshot_event_id, premise_id,"
					+ " device_id, epoch, tariff_kind, rate_paise_per_kwh, tariff_version_id, pricing_source, energy_mwh,"
					+ " amount_paise, interval_start, interval_end, usage_date)"
					+ " VALUES (?, ?, ?, 1, 'EB', 800, 0, 'METER', ?, ?, ?, ?, ?)");
			this.segment = connection.prepareStatement("INSERT INTO tariff_segment (premise_id, tariff_kind,"
					+ " rate_paise_per_kwh, tariff_version_id, energy_mwh, charged_paise) VALUES (?, 'EB', 800, 0, ?, ?)"
					+ " ON CONFLICT (premise_id, tariff_kind, rate_paise_per_kwh, tariff_version_id) DO UPDATE"
					+ " SET energy_mwh = tariff_segment.energy_mwh + EXCLUDED.energy_mwh,"
					+ " charged_paise = floor((tariff_segment.energy_mwh + EXCLUDED.energy_mwh)::numeric * 800 / 1000000)");
			this.state = connection.prepareStatement("INSERT INTO meter_state (premise_id, device_id, epoch,"
					+ " baseline_energy_kwh, baseline_observed_at, active_tariff, eb_paise_per_kwh, dg_paise_per_kwh,"
					+ " fixed_charged_through) VALUES (?, ?, 1, ?, ?, 'EB', 800, 1500, ?) ON CONFLICT (premise_id)"
					+ " DO UPDATE SET baseline_energy_kwh = EXCLUDED.baseline_energy_kwh,"
					+ " baseline_observed_at = EXCLUDED.baseline_observed_at, updated_at = now()");
			this.outbox = connection.prepareStatement("INSERT INTO outbox (event_id, event_type, event_version, topic,"
					+ " message_key, payload) VALUES (?, 'balance-debited', 1, 'ledger.balance-events.v1', ?, ?)");
			this.all = List.of(this.processed, this.transaction, this.entry, this.consumption, this.segment, this.state,
					this.outbox);
		}

		void add(DeviceSnapshotted s) throws SQLException {
			UUID tx = UUID.randomUUID();
			Timestamp at = Timestamp.from(s.observedAt().toInstant());
			long paise = ENERGY_MWH * RATE / 1_000_000;
			this.processed.setObject(1, s.eventId());
			this.processed.addBatch();
			this.transaction.setObject(1, tx);
			this.transaction.setString(2, "snapshot:" + s.eventId());
			this.transaction.setString(3, s.premiseId());
			this.transaction.setTimestamp(4, at);
			this.transaction.addBatch();
			this.entry.setObject(1, tx);
			this.entry.setString(2, "wallet:" + s.premiseId());
			this.entry.setLong(3, paise);
			this.entry.addBatch();
			this.entry.setObject(1, tx);
			this.entry.setString(2, "revenue:eb");
			this.entry.setLong(3, -paise);
			this.entry.addBatch();
			this.consumption.setObject(1, s.eventId());
			this.consumption.setString(2, s.premiseId());
			this.consumption.setString(3, s.deviceId());
			this.consumption.setLong(4, ENERGY_MWH);
			this.consumption.setLong(5, paise);
			this.consumption.setTimestamp(6, Timestamp.from(s.observedAt().toInstant().minusSeconds(60)));
			this.consumption.setTimestamp(7, at);
			this.consumption.setObject(8, LocalDate.ofInstant(s.observedAt().toInstant(), IST), Types.DATE);
			this.consumption.addBatch();
			this.segment.setString(1, s.premiseId());
			this.segment.setLong(2, ENERGY_MWH);
			this.segment.setLong(3, paise);
			this.segment.addBatch();
			this.state.setString(1, s.premiseId());
			this.state.setString(2, s.deviceId());
			this.state.setBigDecimal(3, s.energyKwh());
			this.state.setTimestamp(4, at);
			this.state.setObject(5, LocalDate.ofInstant(Instant.now(), IST), Types.DATE);
			this.state.addBatch();
			this.outbox.setObject(1, UUID.randomUUID());
			this.outbox.setString(2, s.premiseId());
			this.outbox.setBytes(3, new byte[300]);
			this.outbox.addBatch();
		}

		void execute() throws SQLException {
			for (PreparedStatement statement : this.all) {
				statement.executeBatch();
			}
		}

		@Override
		public void close() throws SQLException {
			for (PreparedStatement statement : this.all) {
				statement.close();
			}
		}

	}

}
