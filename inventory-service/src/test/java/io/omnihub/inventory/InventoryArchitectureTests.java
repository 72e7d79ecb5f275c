package io.omnihub.inventory;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.omnihub.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class InventoryArchitectureTests {

    /** The caller's identity is a contract too, but one every controller takes: it is not an event. */
    @ArchTest
    static final ArchRule onlyMessagingKnowsTheEventContracts = noClasses().that()
            .resideOutsideOfPackage("io.omnihub.inventory.messaging..")
            .should().dependOnClassesThat(resideInAnyPackage("io.omnihub.contracts..", "io.omnihub.platform.kafka..",
                    "org.springframework.kafka..", "org.apache.kafka..")
                    .and(not(resideInAPackage("io.omnihub.contracts.identity.."))));

    @ArchTest
    static final ArchRule availabilityIsPlainJava = noClasses().that()
            .resideInAPackage("io.omnihub.inventory.availability..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..",
                    "io.omnihub.contracts..", "io.omnihub.platform..", "org.apache.kafka..", "jakarta..");

    @ArchTest
    static final ArchRule theDomainDoesNotKnowItsListeners = noClasses().that()
            .resideInAnyPackage("io.omnihub.inventory.stock..", "io.omnihub.inventory.availability..")
            .should().dependOnClassesThat().resideInAPackage("io.omnihub.inventory.messaging..");
}
