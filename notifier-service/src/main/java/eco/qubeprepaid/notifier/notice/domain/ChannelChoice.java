package eco.qubeprepaid.notifier.notice.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eco.qubeprepaid.notifier.channel.domain.ChannelName;

/**
 * Which of a tenant's addresses a notice goes to: the channels they chose, or by default
 * email when they gave an address and SMS when they gave a phone; WhatsApp goes to the
 * phone. Channels that are off in this deployment are left out.
 */
public final class ChannelChoice {

	private ChannelChoice() {
	}

	/**
	 * @param phone the tenant's phone, or null
	 * @param email their email, or null
	 * @param chosen their choice (comma-separated tokens), or null for the default
	 * @param enabled the channels this deployment has
	 * @return the address per channel
	 */
	public static Map<ChannelName, String> forTenant(String phone, String email, String chosen,
			Set<ChannelName> enabled) {
		List<ChannelName> wanted = new ArrayList<>();
		if (chosen == null || chosen.isBlank()) {
			wanted.add(ChannelName.EMAIL);
			wanted.add(ChannelName.SMS);
		}
		else {
			for (String token : chosen.split(",")) {
				ChannelName.ofToken(token).ifPresent(wanted::add);
			}
		}
		Map<ChannelName, String> addresses = new EnumMap<>(ChannelName.class);
		for (ChannelName channel : wanted) {
			String address = switch (channel) {
				case EMAIL -> email;
				case SMS, WHATSAPP -> phone;
				case WEBHOOK -> null;
			};
			if (address != null && !address.isBlank() && enabled.contains(channel)) {
				addresses.put(channel, address);
			}
		}
		return addresses;
	}

	/**
	 * Checks a tenant's choice of channels.
	 * @param chosen the tokens
	 * @return the normalized comma-separated choice
	 * @throws IllegalArgumentException naming a token that is not a tenant's channel
	 */
	public static String normalize(List<String> chosen) {
		List<String> tokens = new ArrayList<>();
		for (String token : chosen) {
			ChannelName channel = ChannelName.ofToken(token)
				.filter((name) -> name != ChannelName.WEBHOOK)
				.orElseThrow(() -> new IllegalArgumentException(
						"'" + token + "' is not a tenant's channel; choose among email, sms and whatsapp"));
			if (!tokens.contains(channel.token())) {
				tokens.add(channel.token());
			}
		}
		if (tokens.isEmpty()) {
			throw new IllegalArgumentException("choose at least one channel among email, sms and whatsapp");
		}
		return String.join(",", tokens);
	}

}
