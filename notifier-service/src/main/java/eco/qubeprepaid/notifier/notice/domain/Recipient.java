package eco.qubeprepaid.notifier.notice.domain;

import java.util.Map;

import eco.qubeprepaid.notifier.channel.domain.ChannelName;

/**
 * Someone a notice goes to, with an address per channel they are reached on.
 *
 * @param key the stable recipient key stored with each notice: {@code tenant:<id>} or
 * {@code operators}
 * @param name how to address them
 * @param language {@code en} or {@code hi}
 * @param addresses the address per channel they want notices on
 */
public record Recipient(String key, String name, String language, Map<ChannelName, String> addresses) {

	/** The operators' recipient key. */
	public static final String OPERATORS = "operators";

	public Recipient {
		addresses = Map.copyOf(addresses);
	}

	/**
	 * @param tenantId the tenant's id
	 * @return the tenant's recipient key
	 */
	public static String tenantKey(Object tenantId) {
		return "tenant:" + tenantId;
	}

}
