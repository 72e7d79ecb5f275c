package io.omnihub.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.omnihub.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class CatalogArchitectureTests {

    @ArchTest
    static final ArchRule onlyMessagingKnowsTheEventContracts = noClasses().that()
            .resideOutsideOfPackage("io.omnihub.catalog.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("io.omnihub.contracts..", "io.omnihub.platform.kafka..",
                    "org.springframework.kafka..");

    @ArchTest
    static final ArchRule categoriesDoNotKnowProductsOrPhotos = noClasses().that()
            .resideInAPackage("io.omnihub.catalog.category..")
            .should().dependOnClassesThat().resideInAnyPackage("io.omnihub.catalog.product..",
                    "io.omnihub.catalog.photo..");

    @ArchTest
    static final ArchRule photosDoNotKnowProductsOrCategories = noClasses().that()
            .resideInAPackage("io.omnihub.catalog.photo..")
            .should().dependOnClassesThat().resideInAnyPackage("io.omnihub.catalog.product..",
                    "io.omnihub.catalog.category..");

    @ArchTest
    static final ArchRule theDomainDoesNotKnowItsListeners = noClasses().that()
            .resideInAnyPackage("io.omnihub.catalog.category..", "io.omnihub.catalog.product..",
                    "io.omnihub.catalog.photo..")
            .should().dependOnClassesThat().resideInAPackage("io.omnihub.catalog.messaging..");
}
