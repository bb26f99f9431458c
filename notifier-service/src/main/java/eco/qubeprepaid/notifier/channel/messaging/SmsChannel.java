package eco.qubeprepaid.notifier.channel.messaging;

import eco.qubeprepaid.notifier.channel.domain.ChannelName;
import eco.qubeprepaid.notifier.channel.domain.DeliveryChannel;
import eco.qubeprepaid.notifier.channel.domain.Message;
import eco.qubeprepaid.notifier.channel.domain.SendResult;

import org.springframework.stereotype.Component;

/** SMS through the messaging provider. */
@Component
public class SmsChannel implements DeliveryChannel {

	private final ProviderClient provider;

	public SmsChannel(ProviderClient provider) {
		this.provider = provider;
	}

	@Override
	public ChannelName name() {
		return ChannelName.SMS;
	}

	@Override
	public boolean enabled() {
		return this.provider.configured();
	}

	@Override
	public SendResult send(Message message) {
		return this.provider.send("sms", message);
	}

}
