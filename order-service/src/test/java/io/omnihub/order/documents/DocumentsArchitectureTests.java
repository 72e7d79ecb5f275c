package io.omnihub.order.documents;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = {"io.omnihub.order.documents", "io.omnihub.order.reports"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class DocumentsArchitectureTests {

    @ArchTest
    static final ArchRule decisionsAreFreeOfFrameworks = noClasses().that()
            .haveSimpleNameStartingWith("TrackingCodes").or().haveSimpleNameStartingWith("DocumentPolicy")
            .or().haveSimpleNameStartingWith("DocumentType").or().haveSimpleNameStartingWith("LabelLayout")
            .or().haveSimpleNameStartingWith("LabelData").or().haveSimpleNameStartingWith("Shipment")
            .or().haveSimpleNameStartingWith("CsvCells")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..",
                    "com.mongodb..", "io.minio..", "jakarta..", "tools.jackson..", "com.lowagie..",
                    "org.apache.poi..", "io.omnihub.platform..");

    @ArchTest
    static final ArchRule documentsAndReportsOnlyReadTheOrderModel = noClasses().that()
            .resideInAnyPackage("io.omnihub.order.documents..", "io.omnihub.order.reports..")
            .should().dependOnClassesThat().resideInAnyPackage("io.omnihub.order.intake..",
                    "io.omnihub.order.fulfillment..", "io.omnihub.order.routing..", "io.omnihub.order.messaging..",
                    "io.omnihub.order.erp..");
}
