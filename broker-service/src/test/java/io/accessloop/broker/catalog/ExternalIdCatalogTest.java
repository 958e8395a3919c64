package io.accessloop.broker.catalog;

import io.accessloop.broker.catalog.domain.CatalogProblem;
import io.accessloop.broker.catalog.domain.Entitlement;
import io.accessloop.broker.catalog.domain.RoleCheck;
import io.accessloop.broker.catalog.domain.RoleFacts;
import io.accessloop.broker.catalog.service.CatalogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An entitlement's optional externalId: read from the catalog, checked, and used by the role check. */
class ExternalIdCatalogTest {

    private static final String ENTRY = """
            entitlements:
              - name: partner-readonly
                account: "111122223333"
                roleArn: arn:aws:iam::111122223333:role/partner-readonly
                maxDuration: 1h
                eligible: [payments]
                approval: {automatic: true}
                externalId: %s
            """;
    private static final String BROKER = "arn:aws:iam::000000000000:role/accessloop-broker";
    private static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::000000000000:role/accessloop-broker"},
             "Action":["sts:AssumeRole","sts:SetSourceIdentity","sts:TagSession"],
             "Condition":{"StringEquals":{"sts:ExternalId":"partner-42"}}}]}""";

    @TempDir
    Path dir;

    private static Entitlement read(String externalId, List<CatalogProblem> problems) {
        List<Entitlement> found = CatalogReader.readFile("partner.yaml", ENTRY.formatted(externalId), problems);
        return found.isEmpty() ? null : found.get(0);
    }

    @Test
    void theExternalIdIsReadAndOptional() {
        List<CatalogProblem> problems = new ArrayList<>();
        assertThat(read("partner-42", problems).externalId()).contains("partner-42");
        assertThat(problems).isEmpty();

        List<Entitlement> without = CatalogReader.readFile("plain.yaml",
                ENTRY.replace("    externalId: %s\n", ""), problems);
        assertThat(without).singleElement().satisfies(e -> assertThat(e.externalId()).isEmpty());
    }

    @Test
    void anExternalIdAwsWouldRefuseIsAProblemWithItsLine() {
        List<CatalogProblem> problems = new ArrayList<>();
        assertThat(read("\"has spaces in it\"", problems)).isNull();
        assertThat(problems).extracting(CatalogProblem::toString).containsExactly(
                "partner.yaml:8: externalId must be 2-1224 characters of letters, digits and +=,.@:/-_");
    }

    @Test
    void entitlementsOfOneRoleMustAgreeOnItsExternalId() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), ENTRY.formatted("partner-42"));
        Files.writeString(dir.resolve("b.yaml"), ENTRY.formatted("other-id").replace("name: partner-readonly",
                "name: partner-support"));

        CatalogReader.Result result = CatalogReader.read(dir);

        assertThat(result.problems()).extracting(CatalogProblem::message).singleElement().asString()
                .contains("partner-support", "partner-readonly", "different externalId");
    }

    @Test
    void theRoleCheckEvaluatesTheTrustPolicyWithTheEntitlementsExternalId() {
        RoleFacts facts = new RoleFacts(TRUST, 43_200);
        List<CatalogProblem> problems = new ArrayList<>();

        assertThat(RoleCheck.check(read("partner-42", problems), Optional.of(facts), BROKER)).isEmpty();
        assertThat(RoleCheck.check(read("partner-43", problems), Optional.of(facts), BROKER)).singleElement()
                .asString().contains("does not allow sts:AssumeRole", "with the entitlement's externalId");
        Entitlement none = CatalogReader.readFile("plain.yaml", ENTRY.replace("    externalId: %s\n", ""), problems)
                .get(0);
        assertThat(RoleCheck.check(none, Optional.of(facts), BROKER)).singleElement().asString()
                .contains("does not allow sts:AssumeRole");
    }
}
