package eco.qubeprepaid.testsupport;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Architecture rules that every module checks with ArchUnit.
 */
public final class ArchitectureRules {

	private ArchitectureRules() {
	}

	/**
	 * The domain packages hold the rules of the business and nothing else: no Spring, no
	 * jOOQ, no Kafka, no JDBC, no HTTP and no JSON mapping, so they can be reasoned about
	 * and tested alone.
	 * @return the rule
	 */
	public static ArchRule domainIsFreeOfFrameworks() {
		return noClasses().that()
			.resideInAnyPackage("..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.jooq..", "org.apache.kafka..", "java.sql..",
					"javax.sql..", "java.net.http..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta.servlet..")
			.because("domain code must not depend on frameworks or infrastructure (see docs/architecture.md)");
	}

}
