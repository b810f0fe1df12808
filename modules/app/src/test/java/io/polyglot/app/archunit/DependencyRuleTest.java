package io.polyglot.app.archunit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rule of ARCHITECTURE.md, checked on the compiled production classes of
 * every module: domain ← adapters ← app, adapters never see each other, store types never
 * leave their adapter.
 */
class DependencyRuleTest {

	/**
	 * The service's own production classes; infra (local stores, node JVMs) is not part
	 * of the service.
	 */
	private static JavaClasses production;

	@BeforeAll
	static void importProductionClasses() {
		production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.polyglot.domain", "io.polyglot.adapter", "io.polyglot.app");
	}

	@Test
	void domainDependsOnlyOnTheJdkAndJspecify() {
		ArchRule rule = classes().that()
			.resideInAPackage("io.polyglot.domain..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify.annotations..", "io.polyglot.domain..");
		rule.check(production);
	}

	@Test
	void domainDoesNotKnowAdaptersOrTheApp() {
		noClasses().that()
			.resideInAPackage("io.polyglot.domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.polyglot.adapter..", "io.polyglot.app..")
			.check(production);
	}

	@Test
	void domainContextsFormNoCycle() {
		// a context's events are stored through the codec it owns, found by the event log
		// at run time, so the outbox and the event log never import a context back
		slices().matching("io.polyglot.domain.(*)..").should().beFreeOfCycles().check(production);
	}

	@Test
	void adaptersNeverImportEachOther() {
		slices().matching("io.polyglot.adapter.(*)..").should().notDependOnEachOther().check(production);
	}

	@Test
	void adaptersDoNotDependOnTheApp() {
		noClasses().that()
			.resideInAPackage("io.polyglot.adapter..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.polyglot.app..")
			.check(production);
	}

	@Test
	void nothingInProductionDependsOnTheLocalStores() {
		noClasses().should().dependOnClassesThat().resideInAPackage("io.polyglot.localstores..").check(production);
	}

	@ParameterizedTest(name = "{1} types stay in adapter-{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					postgres  | jakarta.persistence.. , org.springframework.data.jpa.. , org.postgresql.. , org.flywaydb.. , org.hibernate..
					mongodb   | org.springframework.data.mongodb.. , com.mongodb.. , org.bson..
					redis     | org.springframework.data.redis.. , io.lettuce..
					cassandra | com.datastax..
					neo4j     | org.neo4j..
					""")
	void storeTypesStayInTheirAdapter(String store, String storePackages) {
		String[] packages = storePackages.replace(" ", "").split(",");
		noClasses().that()
			.resideOutsideOfPackage("io.polyglot.adapter." + store + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(packages)
			.because("store types never leave their adapter (ARCHITECTURE.md)")
			.check(production);
	}

}
