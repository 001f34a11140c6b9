package io.smsgw.modem;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of the modem connector: the AT engine, the PDU encoder and the rack are plain
 * Java; jSerialComm stays in the serial adapter and Spring in the configuration.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.smsgw.modem");

	@Test
	void domainPackagesArePlainJava() {
		noClasses().that()
			.resideInAnyPackage("..modem.at..", "..modem.pdu..", "..modem.rack..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.fazecast..", "io.micrometer..")
			.because("the AT engine, PDU encoding and rack logic must run and be tested without Spring, Kafka or a "
					+ "serial port; put framework code in ..modem.config and port code in ..modem.serial")
			.check(CLASSES);
	}

	@Test
	void onlyTheSerialAdapterUsesJSerialComm() {
		noClasses().that()
			.resideOutsideOfPackage("..modem.serial..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.fazecast..")
			.because("jSerialComm types never cross the SerialLink interface; add what you need to SerialLink")
			.check(CLASSES);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.smsgw.modem.(*)..")
			.should()
			.beFreeOfCycles()
			.because("layers go config -> rack -> at/pdu, and serial -> at; move shared types down a layer")
			.check(CLASSES);
	}

}
