package io.omnihub.coupon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.omnihub.coupon", importOptions = ImportOption.DoNotIncludeTests.class)
class CouponArchitectureTests {

    @ArchTest
    static final ArchRule onlyMessagingKnowsKafkaAndTheEventContracts = noClasses().that()
            .resideOutsideOfPackage("io.omnihub.coupon.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("io.omnihub.contracts.coupons..",
                    "io.omnihub.contracts.orders..", "io.omnihub.platform.kafka..", "org.springframework.kafka..",
                    "org.apache.kafka..");

    @ArchTest
    static final ArchRule theRulesArePlainJava = noClasses().that()
            .haveSimpleNameEndingWith("Policy").or().haveSimpleName("Cpf").or().haveSimpleName("CouponCode")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..",
                    "io.omnihub.contracts..", "io.omnihub.platform..", "org.apache.kafka..", "jakarta..");

    @ArchTest
    static final ArchRule theCouponsDoNotKnowTheirListeners = noClasses().that()
            .resideInAPackage("io.omnihub.coupon.coupons..")
            .should().dependOnClassesThat().resideInAPackage("io.omnihub.coupon.messaging..");
}
