package dev.switchboard.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What Maven's module dependencies cannot say: inside the hub module the decisions stay plain Java and do not
 * see the routes, the desk's decisions stay plain Java, and nobody imports an adapter. (That the hub cannot see
 * the state, the desk or the application, and the desk's web side cannot see the state or the application, the
 * compiler enforces: those modules are not on their class paths.)
 */
@AnalyzeClasses(packages = "dev.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] DECISIONS = {"dev.switchboard.hub.domain..", "dev.switchboard.hub.knowledge",
            "dev.switchboard.hub.places", "dev.switchboard.desk"};

    @ArchTest
    static final ArchRule decisionsAreFreeOfFrameworks = noClasses()
            .that().resideInAnyPackage(DECISIONS)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.camel..", "org.eclipse.jetty..", "jakarta.servlet..", "com.hazelcast..",
                    "com.fasterxml.jackson..", "java.sql..", "org.apache.velocity..")
            .because("the hub's and the desk's decisions live in plain Java classes that routes and servlets call");

    @ArchTest
    static final ArchRule decisionsDoNotSeeTheRoutesOrTheWeb = noClasses()
            .that().resideInAnyPackage(DECISIONS)
            .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.hub.routes..", "dev.switchboard.desk.web..")
            .because("the routes and the web side call the decisions, not the other way round");

    @ArchTest
    static final ArchRule nothingImportsAnAdapter = noClasses()
            .that().resideOutsideOfPackage("dev.switchboard.adapter..")
            .should().dependOnClassesThat().resideInAPackage("dev.switchboard.adapter..")
            .because("adapters are found through ServiceLoader and known only by the SPI");

    @ArchTest
    static final ArchRule routesDoNotTouchHazelcastOrJdbc = noClasses()
            .that().resideInAPackage("dev.switchboard.hub.routes..")
            .should().dependOnClassesThat().resideInAnyPackage("com.hazelcast..", "java.sql..")
            .because("Hazelcast and JDBC sit behind small interfaces in the state module");
}
