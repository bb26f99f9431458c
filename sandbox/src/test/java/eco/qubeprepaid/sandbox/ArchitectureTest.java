package eco.qubeprepaid.sandbox;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The simulation model stays plain Java: no Spring, no web, no JSON library. */
class ArchitectureTest {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("eco.qubeprepaid.sandbox");

	@Test
	void modelAndDomainPackagesDoNotDependOnSpringOrTheWeb() {
		noClasses().that()
			.resideInAnyPackage("..model..", "..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.servlet..", "tools.jackson..", "com.fasterxml..")
			.check(this.classes);
	}

	@Test
	void theModelDoesNotDependOnTheApiOrAdminLayers() {
		noClasses().that()
			.resideInAPackage("..qube.model..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..qube.api..", "..qube.admin..", "..qube.config..")
			.check(this.classes);
	}

	@Test
	void theGatewayModelDoesNotDependOnItsApiCheckoutAdminOrConfigLayers() {
		noClasses().that()
			.resideInAPackage("..gateway.model..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..gateway.api..", "..gateway.admin..", "..gateway.checkout..", "..gateway.config..")
			.check(this.classes);
	}

	@Test
	void theMessagingModelDoesNotDependOnItsApiAdminOrConfigLayers() {
		noClasses().that()
			.resideInAPackage("..messaging.model..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..messaging.api..", "..messaging.admin..", "..messaging.config..")
			.check(this.classes);
	}

	@Test
	void theMessagingProviderAndTheOtherSimulatorsDoNotDependOnEachOther() {
		noClasses().that()
			.resideInAPackage("..sandbox.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..sandbox.qube..", "..sandbox.gateway..")
			.check(this.classes);
		noClasses().that()
			.resideInAnyPackage("..sandbox.qube..", "..sandbox.gateway..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..sandbox.messaging..")
			.check(this.classes);
	}

	@Test
	void theMailCatcherAndTheSimulatorsDoNotDependOnEachOther() {
		noClasses().that()
			.resideInAPackage("..sandbox.mail..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..sandbox.qube..", "..sandbox.gateway..", "..sandbox.messaging..")
			.check(this.classes);
		noClasses().that()
			.resideInAnyPackage("..sandbox.qube..", "..sandbox.gateway..", "..sandbox.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..sandbox.mail..")
			.check(this.classes);
	}

	@Test
	void theGatewayAndTheQubeSimulatorsDoNotDependOnEachOther() {
		noClasses().that()
			.resideInAPackage("..sandbox.gateway..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..sandbox.qube..")
			.check(this.classes);
		noClasses().that()
			.resideInAPackage("..sandbox.qube..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..sandbox.gateway..")
			.check(this.classes);
	}

}
