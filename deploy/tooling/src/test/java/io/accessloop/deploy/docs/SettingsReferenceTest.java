package io.accessloop.deploy.docs;

import io.accessloop.deploy.support.Repository;
import io.accessloop.deploy.support.ServiceConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md documents every setting the services declare. When a service gains a setting, regenerate the
 * tables: {@code ./mvnw -B -o -pl deploy/tooling test -Dtest=SettingsReferenceTest -Daccessloop.docs.regenerate=true}.
 */
class SettingsReferenceTest {

    @Test
    void everyDeclaredSettingIsInTheOperationsGuide() throws Exception {
        if (Boolean.getBoolean("accessloop.docs.regenerate")) {
            Files.writeString(Repository.path("docs/operations.md"),
                    SettingsReference.regenerate(Repository.read("docs/operations.md")));
        }
        String doc = Repository.read("docs/operations.md");
        Set<String> missing = new TreeSet<>();
        for (String module : SettingsReference.MODULES) {
            for (SettingsReference.Setting s : SettingsReference.of(module)) {
                if (!doc.contains("`" + s.key() + "`")) {
                    missing.add(s.key());
                }
            }
        }
        assertThat(missing).as("settings missing from docs/operations.md; regenerate with -Daccessloop.docs.regenerate=true")
                .isEmpty();
    }

    @Test
    void theReferenceAgreesWithTheKeysTheServicesRead() {
        for (String module : List.of("broker-service", "drift-service", "lifecycle-service", "portal", "aws-sandbox")) {
            Set<String> keys = ServiceConfig.of(module).keys();
            for (SettingsReference.Setting s : SettingsReference.of(module)) {
                assertThat(keys).as(module).contains(s.key().replace("<name>", "*"));
            }
        }
        SettingsReference.Setting secret = SettingsReference.of("lifecycle-service").stream()
                .filter(s -> s.key().equals("accessloop.lifecycle.hr.sources.<name>.secret")).findFirst().orElseThrow();
        assertThat(secret.env()).isEqualTo("ACCESSLOOP_LIFECYCLE_HR_SOURCES_<NAME>_SECRET");
        assertThat(secret.meaning()).isNotBlank();
        assertThat(SettingsReference.env("accessloop.broker.revocation.policy-name"))
                .isEqualTo("ACCESSLOOP_BROKER_REVOCATION_POLICY_NAME");
    }

    @Test
    void regeneratingKeepsEverythingOutsideTheMarkers() {
        String doc = "before\n" + SettingsReference.BEGIN + "\nold\n" + SettingsReference.END + "\nafter\n";
        String regenerated = SettingsReference.regenerate(doc);
        assertThat(regenerated).startsWith("before\n" + SettingsReference.BEGIN).endsWith(SettingsReference.END + "\nafter\n")
                .doesNotContain("\nold\n").contains("`accessloop.broker.catalog-dir`");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SettingsReference.regenerate("no markers"))
                .hasMessageContaining("markers");
    }
}
