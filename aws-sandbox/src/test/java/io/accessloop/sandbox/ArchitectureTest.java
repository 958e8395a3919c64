package io.accessloop.sandbox;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulation engine is plain Java: only the {@code edge} package knows Quarkus and Vert.x. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.accessloop.sandbox");

    private static ArchRule frameworkFree() {
        return noClasses().that().resideOutsideOfPackage("io.accessloop.sandbox.edge..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.vertx..", "jakarta..",
                        "org.eclipse.microprofile..", "io.smallrye..");
    }

    @Test
    void theEngineHasNoFrameworkImports() {
        frameworkFree().check(MAIN);
    }

    @Test
    void theRuleWouldCatchAViolation() {
        ArchRule edgeIsFrameworkFree = noClasses().that().resideInAPackage("io.accessloop.sandbox.edge..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..");
        assertThatThrownBy(() -> edgeIsFrameworkFree.check(MAIN)).isInstanceOf(AssertionError.class);
    }
}
