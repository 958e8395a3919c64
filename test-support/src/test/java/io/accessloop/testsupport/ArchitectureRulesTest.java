package io.accessloop.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The services' architecture rules can fail: each is run against a fixture that breaks it. */
class ArchitectureRulesTest {

    private final JavaClasses fixture = new ClassFileImporter().importPackages("io.accessloop.archfixture");

    @Test
    void aDomainClassImportingQuarkusFailsTheRule() {
        assertThatThrownBy(() -> ArchitectureRules.domainIsFrameworkFree(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyRule");
    }

    @Test
    void anSdkCallOutsideAnAwsPackageFailsTheRule() {
        assertThatThrownBy(() -> ArchitectureRules.onlyAwsAdaptersUseTheSdk(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SdkOutsideAdapter");
    }

    @Test
    void cleanCodePassesBothRules() {
        JavaClasses clean = new ClassFileImporter().importPackages("io.accessloop.contracts");
        assertThatCode(() -> {
            ArchitectureRules.domainIsFrameworkFree(clean);
            ArchitectureRules.onlyAwsAdaptersUseTheSdk(clean);
        }).doesNotThrowAnyException();
    }
}
