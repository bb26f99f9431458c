package eco.qubeprepaid.poller.support;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

/** Picks registered premises whose sandbox meter is in a wanted state. */
public final class Premises {

	private Premises() {
	}

	/**
	 * Finds a premise of a key whose meter matches, skipping the ones given.
	 * @param jdbc the poller's database
	 * @param key the key name
	 * @param wanted the condition on the sandbox's internal state
	 * @param skip premises already used by other tests
	 * @return premise id and device id
	 */
	public static Map<String, Object> pick(JdbcTemplate jdbc, String key, Predicate<JsonNode> wanted,
			List<String> skip) {
		for (Map<String, Object> row : jdbc.queryForList(
				"SELECT premise_id, device_id FROM premises WHERE api_key_name = ? ORDER BY premise_id", key)) {
			if (!skip.contains(row.get("premise_id"))
					&& wanted.test(SandboxServer.get().device((String) row.get("device_id")))) {
				return row;
			}
		}
		throw new IllegalStateException("no premise of " + key + " is in the wanted state");
	}

	/**
	 * An online POSTPAID meter with a relay, switched on: its own balance stays flat, the
	 * way a premise the ledger enforces looks between balance syncs.
	 * @param state the sandbox state
	 * @return true if it fits
	 */
	public static boolean onlinePostpaidWithSupply(JsonNode state) {
		return state.get("online").asBoolean() && state.get("has_relay").asBoolean()
				&& "POSTPAID".equals(state.get("mode").asString()) && state.get("relay_state").asBoolean();
	}

	/**
	 * An online PREPAID meter with a relay, switched on, with plenty of credit.
	 * @param state the sandbox state
	 * @return true if it fits
	 */
	public static boolean onlinePrepaidWithSupply(JsonNode state) {
		return state.get("online").asBoolean() && state.get("has_relay").asBoolean()
				&& "PREPAID".equals(state.get("mode").asString()) && state.get("relay_state").asBoolean()
				&& state.get("balance").asLong() > 20_000;
	}

}
