package eco.qubeprepaid.notifier.channel.domain;

/**
 * A way to reach a person: email, SMS, WhatsApp or an operator's webhook. Every channel
 * is used the same way by the dispatcher, which owns retries, back-off and the delivery
 * log; a channel makes one attempt and says how it went, and never throws for a failed
 * delivery.
 */
public interface DeliveryChannel {

	/**
	 * @return which channel this is
	 */
	ChannelName name();

	/**
	 * @return whether it is configured (e.g. an SMTP host, a provider URL); notices are
	 * not planned for a channel that is off
	 */
	boolean enabled();

	/**
	 * Makes one attempt to send a message.
	 * @param message the message
	 * @return what came of it
	 */
	SendResult send(Message message);

}
