package io.smsgw.common;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.smsgw.common");

	@Test
	void domainPackagesUseNoFramework() {
		noClasses().that()
			.resideInAnyPackage("io.smsgw.common.event..", "io.smsgw.common.codec..", "io.smsgw.common.connector..",
					"io.smsgw.common.phone..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.cloudhopper..", "com.fazecast..",
					"tools.jackson..")
			.because("events, codec and the connector port are plain Java that every adapter shares; "
					+ "put framework code in io.smsgw.common.kafka or in the service")
			.check(this.classes);
	}

	@Test
	void noPackageCycles() {
		slices().matching("io.smsgw.common.(*)..")
			.should()
			.beFreeOfCycles()
			.because("a cycle makes the shared library impossible to split; move the shared type down")
			.check(this.classes);
	}

}
