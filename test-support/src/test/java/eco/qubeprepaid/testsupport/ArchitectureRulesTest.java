package eco.qubeprepaid.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every rule of {@link ArchitectureRules} fails on a fixture that breaks it (the
 * "service" {@code archfixturebroken}) and passes on one that keeps it
 * ({@code archfixturegood}), so a service's {@code ArchitectureTest} can fail, whatever
 * its packages hold today.
 */
class ArchitectureRulesTest {

	private static final String BROKEN = "eco.qubeprepaid.archfixturebroken";

	private static final String GOOD = "eco.qubeprepaid.archfixturegood";

	private final JavaClasses broken = new ClassFileImporter().importPackages(BROKEN);

	private final JavaClasses good = new ClassFileImporter().importPackages(GOOD);

	@Test
	void aFeatureUsingAnotherFeaturesPersistenceIsRefused() {
		assertFailsOnBrokenOnly(ArchitectureRules.featuresNeverUseAnotherFeaturesPersistenceOrWeb, "PolicyTable");
	}

	@Test
	void aCycleBetweenFeaturesIsRefused() {
		assertFailsOnBrokenOnly(ArchitectureRules.noPackageCycles,
				"cycle between features: ledger -> policy -> ledger");
	}

	@Test
	void anApplicationServiceUsingAWebClassIsRefused() {
		assertFailsOnBrokenOnly(ArchitectureRules.applicationNeverUsesControllers, "LedgerPage");
	}

	@Test
	void aControllerUsingPersistenceIsRefused() {
		assertFailsOnBrokenOnly(ArchitectureRules.controllersOnlyCallApplicationServices, "LedgerTable");
	}

	@Test
	void domainCodeOnAFrameworkIsRefused() {
		assertFailsOnBrokenOnly(ArchitectureRules.domainIsFreeOfFrameworks, "org.springframework.util.Assert");
	}

	@Test
	void threadSleepIsRefused() {
		assertFailsOnBrokenOnly(ArchitectureRules.noThreadSleep, "TimeUnit.sleep");
	}

	@Test
	void aZoneOfItsOwnIsRefused() {
		assertFailsOnBrokenOnly(ArchitectureRules.theZoneIsThePlatforms, "ZoneId.of");
	}

	private void assertFailsOnBrokenOnly(ArchRule rule, String named) {
		assertThatThrownBy(() -> rule.check(this.broken)).isInstanceOf(AssertionError.class)
			.hasMessageContaining(named);
		assertThatCode(() -> rule.check(this.good)).doesNotThrowAnyException();
	}

}
