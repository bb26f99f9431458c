package eco.qubeprepaid.balance;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import eco.qubeprepaid.testsupport.ArchitectureRules;

/** The rules of docs/architecture.md (ADR 0010), checked over the service's main code. */
@AnalyzeClasses(packages = "eco.qubeprepaid.balance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchTests rules = ArchTests.in(ArchitectureRules.class);

}
