package io.smsgw.smpp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.smsgw.smpp");

	@Test
	void domainPackagesUseNoFrameworkTypes() {
		noClasses().that()
			.resideInAnyPackage("..smpp.submit..", "..smpp.receipt..", "..smpp.inbound..", "..smpp.link..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "com.cloudhopper..", "org.jboss.netty..",
					"org.apache.kafka..", "io.micrometer..")
			.because("address rules, status classification and receipt parsing are plain Java; "
					+ "put library calls in io.smsgw.smpp.cloudhopper or io.smsgw.smpp.config")
			.check(this.classes);
	}

	@Test
	void cloudhopperStaysInItsAdapter() {
		noClasses().that()
			.resideOutsideOfPackage("..smpp.cloudhopper..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.cloudhopper..", "org.jboss.netty..")
			.because("Cloudhopper types must not cross the connector port; map them in the adapter")
			.check(this.classes);
	}

	@Test
	void noPackageCycles() {
		slices().matching("io.smsgw.smpp.(*)..")
			.should()
			.beFreeOfCycles()
			.because("config wires the adapter, which uses the domain; never the other way round")
			.check(this.classes);
	}

}
