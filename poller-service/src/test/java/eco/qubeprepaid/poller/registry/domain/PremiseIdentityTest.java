package eco.qubeprepaid.poller.registry.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PremiseIdentityTest {

	@Test
	void readsTheIdentityFromAUdfValue() {
		assertThat(PremiseIdentity.fromUdf(" Building-A.Floor-1.Room-101 "))
			.contains(new PremiseIdentity("Building-A.Floor-1.Room-101"));
	}

	@Test
	void aMissingOrBlankUdfMeansNoIdentity() {
		assertThat(PremiseIdentity.fromUdf(null)).isEmpty();
		assertThat(PremiseIdentity.fromUdf("   ")).isEmpty();
	}

	@Test
	void refusesIdentitiesLongerThanAUdf() {
		assertThatThrownBy(() -> new PremiseIdentity("x".repeat(256))).hasMessageContaining("at most 255");
	}

}
