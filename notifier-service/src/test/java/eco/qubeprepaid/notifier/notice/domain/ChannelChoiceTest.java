package eco.qubeprepaid.notifier.notice.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eco.qubeprepaid.notifier.channel.domain.ChannelName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChannelChoiceTest {

	private static final Set<ChannelName> ALL = EnumSet.allOf(ChannelName.class);

	@Test
	void byDefaultEmailWhenThereIsAnAddressAndSmsWhenThereIsAPhone() {
		assertThat(ChannelChoice.forTenant("+919876543210", "a@b.in", null, ALL))
			.isEqualTo(Map.of(ChannelName.EMAIL, "a@b.in", ChannelName.SMS, "+919876543210"));
		assertThat(ChannelChoice.forTenant(null, "a@b.in", null, ALL)).containsOnlyKeys(ChannelName.EMAIL);
	}

	@Test
	void aChoiceOfWhatsAppGoesToThePhoneAndChannelsThatAreOffAreLeftOut() {
		assertThat(
				ChannelChoice.forTenant("+919876543210", "a@b.in", "whatsapp,email", EnumSet.of(ChannelName.WHATSAPP)))
			.isEqualTo(Map.of(ChannelName.WHATSAPP, "+919876543210"));
	}

	@Test
	void aTenantChoosesAmongTheirChannelsOnly() {
		assertThat(ChannelChoice.normalize(List.of("WhatsApp", "sms", "whatsapp"))).isEqualTo("whatsapp,sms");
		assertThatIllegalArgumentException().isThrownBy(() -> ChannelChoice.normalize(List.of("webhook")))
			.withMessageContaining("'webhook' is not a tenant's channel");
		assertThatIllegalArgumentException().isThrownBy(() -> ChannelChoice.normalize(List.of()));
	}

}
