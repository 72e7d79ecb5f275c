package io.omnihub.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.omnihub.order", importOptions = ImportOption.DoNotIncludeTests.class)
class OrderArchitectureTests {

    /** The routing decision and its inputs and outputs: no framework, no database, no other package of the service. */
    @ArchTest
    static final ArchRule theRoutingPolicyIsPlainJava = noClasses().that().haveNameMatching(
            "io\\.omnihub\\.order\\.routing\\.(RoutingPolicy|RoutingProfile|RoutingPlan|RoutingRequest|Demand"
                    + "|StockLookup|StoreCandidate|RankingCriterion|RoutingFilter)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..",
                    "org.apache.kafka..", "io.omnihub.platform..", "jakarta..", "tools.jackson..",
                    "io.omnihub.order.model..", "io.omnihub.order.store..", "io.omnihub.order.availability..",
                    "io.omnihub.order.catalog..");

    @ArchTest
    static final ArchRule theOrderModelKnowsNoKafkaNorWeb = noClasses().that()
            .resideInAPackage("io.omnihub.order.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                    "io.omnihub.platform..", "org.springframework.web..", "org.springframework.http..");

    @ArchTest
    static final ArchRule onlyMessagingTalksToKafka = noClasses().that()
            .resideOutsideOfPackages("io.omnihub.order.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                    "io.omnihub.platform.kafka..");
}
