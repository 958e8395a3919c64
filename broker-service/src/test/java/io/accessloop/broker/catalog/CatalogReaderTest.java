package io.accessloop.broker.catalog;

import io.accessloop.broker.catalog.domain.CatalogProblem;
import io.accessloop.broker.catalog.domain.Entitlement;
import io.accessloop.broker.catalog.service.CatalogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogReaderTest {

    @Test
    void readsTheTestCatalogWithEveryField() {
        CatalogReader.Result result = CatalogReader.read(Path.of("src/test/resources/catalog"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.entitlements()).extracting(Entitlement::name)
                .containsExactlyInAnyOrder("prod-readonly", "prod-admin", "prod-oncall", "dev-sandbox");
        Entitlement admin = result.entitlements().stream().filter(e -> e.name().equals("prod-admin")).findFirst().orElseThrow();
        assertThat(admin.maxDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(admin.approval().required()).isEqualTo(2);
        assertThat(admin.ticket().check("OPS-12")).isEmpty();
        assertThat(admin.ticket().check("JIRA-1")).isPresent();
        assertThat(admin.ticket().check(null)).isPresent();
        Entitlement dev = result.entitlements().stream().filter(e -> e.name().equals("dev-sandbox")).findFirst().orElseThrow();
        assertThat(dev.sessionPolicy()).isPresent();
        assertThat(dev.approval().automatic()).isTrue();
        assertThat(result.fingerprint()).hasSize(64);
    }

    @Test
    void reportsEveryProblemOfAFileWithItsLine() {
        String yaml = """
                entitlements:
                  - name: Bad_Name
                    account: "12345"
                    roleArn: arn:aws:iam::000000000000:role/x
                    defaultDuration: 5m
                    maxDuration: 2 hours
                    eligible: []
                    approval:
                      required: 0
                      approvers: [leads]
                    colour: blue
                """;
        List<CatalogProblem> problems = new ArrayList<>();

        List<Entitlement> found = CatalogReader.readFile("broken.yaml", yaml, problems);

        assertThat(found).isEmpty();
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("broken.yaml"));
        assertThat(problems).extracting(CatalogProblem::toString).contains(
                "broken.yaml:2: name 'Bad_Name' must be 3-64 lower-case letters, digits or dashes",
                "broken.yaml:3: account must be 12 digits",
                "broken.yaml:6: maxDuration '2 hours' is not a duration (PT1H, 90m, 1h30m)",
                "broken.yaml:7: eligible must name at least one group",
                "broken.yaml:9: approval.required must be at least 1");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).startsWith("unknown key 'colour'");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("between 15 minutes and 12 hours");
        });
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLine() {
        List<CatalogProblem> problems = new ArrayList<>();

        CatalogReader.readFile("syntax.yaml", "entitlements:\n  - name: a\n    account: [unclosed\n", problems);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("syntax.yaml");
            assertThat(p.line()).isGreaterThanOrEqualTo(3);
            assertThat(p.message()).startsWith("not valid YAML");
        });
    }

    @Test
    void refusesAMalformedSessionPolicyAndAMismatchedAccount() {
        String yaml = """
                entitlements:
                  - name: narrow
                    account: "111111111111"
                    roleArn: arn:aws:iam::000000000000:role/narrow
                    maxDuration: 1h
                    eligible: [team]
                    approval:
                      automatic: true
                    sessionPolicy: |
                      {"Version": "2012-10-17", "Statement": [{"Effect": "Permit", "Action": "*", "Resource": "*"}]}
                """;
        List<CatalogProblem> problems = new ArrayList<>();

        CatalogReader.readFile("narrow.yaml", yaml, problems);

        assertThat(problems).extracting(CatalogProblem::message).anyMatch(m -> m.startsWith(
                "sessionPolicy is not a valid session policy"));
        assertThat(problems).extracting(CatalogProblem::message)
                .contains("roleArn is in account 000000000000, not in 111111111111");
    }

    @Test
    void refusesTheSameEntitlementInTwoFiles(@TempDir Path dir) throws IOException {
        String entry = """
                entitlements:
                  - name: twice
                    account: "000000000000"
                    roleArn: arn:aws:iam::000000000000:role/twice
                    maxDuration: 1h
                    eligible: [team]
                    approval: {automatic: true}
                """;
        Files.writeString(dir.resolve("a.yaml"), entry);
        Files.writeString(dir.resolve("b.yaml"), entry);

        CatalogReader.Result result = CatalogReader.read(dir);

        assertThat(result.problems()).extracting(CatalogProblem::toString)
                .containsExactly("b.yaml:0: entitlement 'twice' is already defined in a.yaml");
    }

    @Test
    void anEmptyFolderIsAProblemNotAnEmptyCatalog(@TempDir Path dir) {
        assertThat(CatalogReader.read(dir).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no *.yaml"));
    }
}
