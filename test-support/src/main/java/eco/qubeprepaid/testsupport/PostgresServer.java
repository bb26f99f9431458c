package eco.qubeprepaid.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The coordinates of a running PostgreSQL server, and a way to give each user of it a
 * fresh database of its own so that Flyway histories of different modules never collide.
 *
 * @param adminJdbcUrl a JDBC URL to a maintenance database ({@code postgres}) on the
 * server
 * @param username a user that may create databases
 * @param password that user's password
 */
public record PostgresServer(String adminJdbcUrl, String username, String password) {

	/**
	 * Creates a new, empty database whose name starts with {@code prefix}.
	 * @param prefix a readable prefix such as the module's name
	 * @return the new database's coordinates
	 */
	public Database createDatabase(String prefix) {
		String name = (prefix.replaceAll("[^A-Za-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8))
			.toLowerCase(Locale.ROOT);
		try (Connection connection = DriverManager.getConnection(this.adminJdbcUrl, this.username, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name + " on " + this.adminJdbcUrl, ex);
		}
		String url = this.adminJdbcUrl.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
		return new Database(name, url, this.username, this.password);
	}

	/**
	 * Asks the server for its version, proving it is a real, reachable PostgreSQL.
	 * @return the {@code server_version} setting
	 */
	public String serverVersion() {
		try (Connection connection = DriverManager.getConnection(this.adminJdbcUrl, this.username, this.password);
				Statement statement = connection.createStatement();
				var result = statement.executeQuery("SHOW server_version")) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + this.adminJdbcUrl + " does not answer", ex);
		}
	}

	/**
	 * One database on the server.
	 *
	 * @param name the database name
	 * @param jdbcUrl its JDBC URL
	 * @param username the user
	 * @param password the password
	 */
	public record Database(String name, String jdbcUrl, String username, String password) {
	}

}
