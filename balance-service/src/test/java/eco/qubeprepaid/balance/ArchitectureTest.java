package eco.qubeprepaid.balance;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import eco.qubeprepaid.testsupport.ArchitectureRules;

/** The rules of docs/architecture.md, checked over the service's main code. */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	static final String ROOT = "eco.qubeprepaid.balance";

	@ArchTest
	static final ArchRule domainIsFreeOfFrameworks = ArchitectureRules.domainIsFreeOfFrameworks(ROOT);

	@ArchTest
	static final ArchRule featuresNeverUseAnotherFeaturesPersistenceOrWeb = ArchitectureRules
		.featuresNeverUseAnotherFeaturesPersistenceOrWeb(ROOT);

	@ArchTest
	static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles(ROOT);

	@ArchTest
	static final ArchRule applicationNeverUsesControllers = ArchitectureRules.applicationNeverUsesControllers(ROOT);

	@ArchTest
	static final ArchRule controllersOnlyCallApplicationServices = ArchitectureRules
		.controllersOnlyCallApplicationServices(ROOT);

	@ArchTest
	static final ArchRule servicesShareOnlyThePlatform = ArchitectureRules.servicesShareOnlyThePlatform(ROOT);

	@ArchTest
	static final ArchRule noThreadSleep = ArchitectureRules.noThreadSleep(ROOT);

	@ArchTest
	static final ArchRule theZoneIsThePlatforms = ArchitectureRules.theZoneIsThePlatforms(ROOT);

}
