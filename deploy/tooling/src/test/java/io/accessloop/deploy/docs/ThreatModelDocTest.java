package io.accessloop.deploy.docs;

import io.accessloop.deploy.support.Repository;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** SECURITY-THREAT-MODEL.md keeps its four parts, and the checks and files it cites exist. */
class ThreatModelDocTest {

    static final String DOC = Repository.read("SECURITY-THREAT-MODEL.md");

    @Test
    void hasActorsAssetsTrustBoundariesAndInvariants() {
        assertThat(DOC).contains("## Actors", "## Assets", "## Trust boundaries", "## Invariants");
    }

    @Test
    void everyTestItCitesExists() {
        Matcher m = Pattern.compile("`(\\w+Test)`").matcher(DOC);
        int cited = 0;
        while (m.find()) {
            cited++;
            assertThat(Repository.files("deploy/tooling/src/test/java", m.group(1) + ".java")).as(m.group(1)).isNotEmpty();
        }
        assertThat(cited).isPositive();
    }

    @Test
    void everyFileItCitesExists() {
        Matcher m = Pattern.compile("`((?:deploy|docs)/[A-Za-z0-9_./-]+)`").matcher(DOC);
        while (m.find()) {
            assertThat(Repository.path(m.group(1))).as(m.group(1)).exists();
        }
    }
}
