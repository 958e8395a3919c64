package io.accessloop.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules every service keeps (checked with plain ArchUnit from a JUnit test, since ArchUnit's
 * JUnit engines run nothing under JUnit 6):
 * domain packages import neither Quarkus nor the AWS SDK, and only {@code ..aws..} adapter packages touch the SDK.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static JavaClasses importProduction(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    public static void domainIsFrameworkFree(JavaClasses classes) {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.smallrye..", "jakarta..", "io.vertx..", "software.amazon.awssdk..",
                        "org.hibernate..")
                .because("domain rules and state machines stay plain Java")
                .allowEmptyShould(true)
                .check(classes);
    }

    public static void onlyAwsAdaptersUseTheSdk(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("..aws..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .because("each AWS call sits behind a narrow port implemented in an aws adapter package")
                .allowEmptyShould(true)
                .check(classes);
    }
}
