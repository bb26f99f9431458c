package eco.qubeprepaid.notifier.channel.messaging;

import eco.qubeprepaid.notifier.channel.domain.ChannelName;
import eco.qubeprepaid.notifier.channel.domain.DeliveryChannel;
import eco.qubeprepaid.notifier.channel.domain.Message;
import eco.qubeprepaid.notifier.channel.domain.SendResult;

import org.springframework.stereotype.Component;

/** WhatsApp through the messaging provider. */
@Component
public class WhatsAppChannel implements DeliveryChannel {

	private final ProviderClient provider;

	public WhatsAppChannel(ProviderClient provider) {
		this.provider = provider;
	}

	@Override
	public ChannelName name() {
		return ChannelName.WHATSAPP;
	}

	@Override
	public boolean enabled() {
		return this.provider.configured();
	}

	@Override
	public SendResult send(Message message) {
		return this.provider.send("whatsapp", message);
	}

}
