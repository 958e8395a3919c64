package io.accessloop.drift;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.accessloop.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.importProduction("io.accessloop.drift");

    @Test
    void domainPackagesAreFrameworkFree() {
        ArchitectureRules.domainIsFrameworkFree(classes);
    }

    @Test
    void onlyAwsAdapterPackagesUseTheAwsSdk() {
        ArchitectureRules.onlyAwsAdaptersUseTheSdk(classes);
    }
}
