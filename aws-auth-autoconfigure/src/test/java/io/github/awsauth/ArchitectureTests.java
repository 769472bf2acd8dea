package io.github.awsauth;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house as ARCHITECTURE.md draws it: {@code web} and {@code core} know no mechanism, no
 * mechanism knows another or the auto-configuration, so a new mechanism is one package plus one
 * configuration.
 */
class ArchitectureTests {

	private static final String ROOT = "io.github.awsauth.";

	private static final List<String> MECHANISMS = List.of("jwt", "login", "alb", "iam", "sigv4", "iid", "mtls",
			"apikey");

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.awsauth");

	static List<String> mechanisms() {
		return MECHANISMS;
	}

	@Test
	void webKnowsNoMechanism() {
		noClasses().that()
			.resideInAPackage(ROOT + "web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(packages(MECHANISMS, "autoconfigure", "authz", "client"))
			.check(CLASSES);
	}

	@Test
	void coreKnowsNothingElseOfTheStarter() {
		noClasses().that()
			.resideInAPackage(ROOT + "core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(packages(MECHANISMS, "web", "autoconfigure", "authz", "client"))
			.check(CLASSES);
	}

	@ParameterizedTest
	@MethodSource("mechanisms")
	void mechanismKnowsNoOtherMechanismAndNoAutoConfiguration(String mechanism) {
		List<String> others = MECHANISMS.stream().filter((other) -> !other.equals(mechanism)).toList();
		ArchRule rule = noClasses().that()
			.resideInAPackage(ROOT + mechanism + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(packages(others, "web", "autoconfigure", "authz", "client"))
			.allowEmptyShould(true);
		rule.check(CLASSES);
	}

	@Test
	void authorizationAndOutboundClientsKnowNoMechanism() {
		noClasses().that()
			.resideInAnyPackage(ROOT + "authz..", ROOT + "client..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(packages(MECHANISMS, "web", "autoconfigure"))
			.check(CLASSES);
	}

	private static String[] packages(List<String> names, String... more) {
		return java.util.stream.Stream.concat(names.stream(), java.util.Arrays.stream(more))
			.map((name) -> ROOT + name + "..")
			.toArray(String[]::new);
	}

}
