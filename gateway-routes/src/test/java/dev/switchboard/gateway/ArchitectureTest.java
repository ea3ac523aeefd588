package dev.switchboard.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Which package may import what: the hub's decisions stay plain Java, and nobody imports an adapter. */
@AnalyzeClasses(packages = "dev.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule decisionsAreFreeOfFrameworks = noClasses()
            .that().resideInAnyPackage("dev.switchboard.hub.domain..", "dev.switchboard.hub.knowledge",
                    "dev.switchboard.hub.places", "dev.switchboard.hub.agents..", "dev.switchboard.hub.binary..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.camel..", "org.eclipse.jetty..", "jakarta.servlet..", "com.hazelcast..",
                    "com.fasterxml.jackson..", "java.sql..", "org.apache.velocity..")
            .because("the hub's decisions live in plain Java classes that the routes call");

    @ArchTest
    static final ArchRule nothingImportsAnAdapter = noClasses()
            .that().resideOutsideOfPackage("dev.switchboard.adapter..")
            .should().dependOnClassesThat().resideInAPackage("dev.switchboard.adapter..")
            .because("adapters are found through ServiceLoader and known only by the SPI");

    @ArchTest
    static final ArchRule theDomainDoesNotReachIntoInfrastructure = noClasses()
            .that().resideInAnyPackage("dev.switchboard.hub.domain..", "dev.switchboard.hub.agents..",
                    "dev.switchboard.hub.binary..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.switchboard.agent..",
                    "dev.switchboard.hub.state..", "dev.switchboard.hub.routes..", "dev.switchboard.gateway..")
            .because("state and routes sit behind the domain's ports, not the other way round");

    @ArchTest
    static final ArchRule routesDoNotTouchHazelcastOrJdbc = noClasses()
            .that().resideInAPackage("dev.switchboard.hub.routes..")
            .should().dependOnClassesThat().resideInAnyPackage("com.hazelcast..", "java.sql..")
            .because("Hazelcast and JDBC sit behind small interfaces in hub.state");
}
