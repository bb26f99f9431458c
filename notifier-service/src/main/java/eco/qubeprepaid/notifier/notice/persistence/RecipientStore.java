package eco.qubeprepaid.notifier.notice.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.notifier.notice.domain.TenantRow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The tenants notices go to, as payment-service publishes their moves. */
@Repository
public class RecipientStore {

	private static final String COLUMNS = "tenant_id, premise_id, name, phone, email, language, channels, moved_in_at,"
			+ " moved_out_at";

	private static final RowMapper<TenantRow> TENANT = RecipientStore::tenant;

	private final JdbcTemplate jdbc;

	public RecipientStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a tenant's move-in (once: a repeated event changes nothing).
	 * @param tenant the tenant
	 * @param at when this was recorded
	 */
	public void movedIn(TenantRow tenant, Instant at) {
		this.jdbc.update(
				"INSERT INTO recipients (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
						+ " ON CONFLICT (tenant_id) DO NOTHING",
				tenant.tenantId(), tenant.premiseId(), tenant.name(), tenant.phone(), tenant.email(), tenant.language(),
				tenant.channels(), ts(tenant.movedInAt()), null, ts(at));
	}

	/**
	 * @param tenantId the tenant
	 * @param movedOutAt when they moved out
	 */
	public void movedOut(UUID tenantId, Instant movedOutAt) {
		this.jdbc.update("UPDATE recipients SET moved_out_at = ?, updated_at = ? WHERE tenant_id = ?"
				+ " AND moved_out_at IS NULL", ts(movedOutAt), ts(movedOutAt), tenantId);
	}

	/**
	 * @param tenantId the tenant
	 * @param language their language
	 * @param at when
	 */
	public void language(UUID tenantId, String language, Instant at) {
		this.jdbc.update("UPDATE recipients SET language = ?, updated_at = ? WHERE tenant_id = ?", language, ts(at),
				tenantId);
	}

	/**
	 * @param tenantId the tenant
	 * @param channels the channels they want (comma-separated), or null for the default
	 * @param at when
	 * @return whether the tenant exists
	 */
	public boolean channels(UUID tenantId, String channels, Instant at) {
		return this.jdbc.update("UPDATE recipients SET channels = ?, updated_at = ? WHERE tenant_id = ?", channels,
				ts(at), tenantId) == 1;
	}

	/**
	 * @param premiseId a premise
	 * @return its current tenant
	 */
	public Optional<TenantRow> currentOf(String premiseId) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM recipients WHERE premise_id = ? AND moved_out_at IS NULL", TENANT,
					premiseId)
			.stream()
			.findFirst();
	}

	/**
	 * @param tenantId a tenant
	 * @return them
	 */
	public Optional<TenantRow> find(UUID tenantId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM recipients WHERE tenant_id = ?", TENANT, tenantId)
			.stream()
			.findFirst();
	}

	/**
	 * @param premiseId a premise, or null for every current tenant
	 * @return the premise's tenants, newest first, or every current one
	 */
	public List<TenantRow> list(String premiseId) {
		if (premiseId != null) {
			return this.jdbc.query(
					"SELECT " + COLUMNS + " FROM recipients WHERE premise_id = ? ORDER BY moved_in_at DESC", TENANT,
					premiseId);
		}
		return this.jdbc.query("SELECT " + COLUMNS + " FROM recipients WHERE moved_out_at IS NULL ORDER BY premise_id",
				TENANT);
	}

	private static TenantRow tenant(ResultSet rs, int row) throws SQLException {
		Timestamp out = rs.getTimestamp("moved_out_at");
		return new TenantRow(rs.getObject("tenant_id", UUID.class), rs.getString("premise_id"), rs.getString("name"),
				rs.getString("phone"), rs.getString("email"), rs.getString("language"), rs.getString("channels"),
				rs.getTimestamp("moved_in_at").toInstant(), (out != null) ? out.toInstant() : null);
	}

	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
