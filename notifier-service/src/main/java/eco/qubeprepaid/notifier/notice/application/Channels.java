package eco.qubeprepaid.notifier.notice.application;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import eco.qubeprepaid.notifier.channel.domain.ChannelName;
import eco.qubeprepaid.notifier.channel.domain.DeliveryChannel;

import org.springframework.stereotype.Component;

/** The channels of this deployment, by name. */
@Component
public class Channels {

	private final Map<ChannelName, DeliveryChannel> byName = new EnumMap<>(ChannelName.class);

	public Channels(List<DeliveryChannel> channels) {
		channels.forEach((channel) -> this.byName.put(channel.name(), channel));
	}

	/**
	 * @return the channels that are configured
	 */
	public Set<ChannelName> enabled() {
		return this.byName.values()
			.stream()
			.filter(DeliveryChannel::enabled)
			.map(DeliveryChannel::name)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * @param name a channel
	 * @return it, if this deployment has it
	 */
	public Optional<DeliveryChannel> get(ChannelName name) {
		return Optional.ofNullable(this.byName.get(name));
	}

}
