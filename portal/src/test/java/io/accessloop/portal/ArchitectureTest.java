package io.accessloop.portal;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.accessloop.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.importProduction("io.accessloop.portal");

    @Test
    void domainPackagesAreFrameworkFree() {
        ArchitectureRules.domainIsFrameworkFree(classes);
    }

    @Test
    void thePortalNeverCallsAwsItself() {
        ArchitectureRules.onlyAwsAdaptersUseTheSdk(classes);
    }
}
