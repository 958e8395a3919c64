package io.accessloop.portal.rightsizing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.portal.clients.drift.Proposal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void actionsAreComparedWithoutCaseAndDenyStatementsGrantNothing() throws Exception {
        JsonNode before = JSON.readTree("""
                {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "S3:PutObject", "ec2:*"]},
                               {"Effect": "Deny", "Action": "iam:*"}]}""");
        JsonNode after = JSON.readTree("""
                {"Statement": {"Effect": "Allow", "Action": ["s3:getobject", "sqs:SendMessage"]}}""");

        PolicyDiff diff = PolicyDiff.of(new Proposal.Change("REPLACE_INLINE", "p", before, after, null));

        assertThat(diff.removed()).containsExactly("ec2:*", "S3:PutObject");
        assertThat(diff.kept()).containsExactly("s3:GetObject");
        assertThat(diff.added()).containsExactly("sqs:SendMessage");
    }

    @Test
    void aDeletedPolicyKeepsNothingAndTheChartCountsPerService() throws Exception {
        JsonNode before = JSON.readTree("""
                {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "kms:Decrypt"]}]}""");
        Proposal.Change delete = new Proposal.Change("DELETE_INLINE", "old", before, null, null);

        PolicyDiff diff = PolicyDiff.of(delete);
        List<ServiceBar> bars = ServiceBar.of(List.of(delete));

        assertThat(diff.after()).isNull();
        assertThat(diff.kept()).isEmpty();
        assertThat(bars).extracting(ServiceBar::service, ServiceBar::granted, ServiceBar::kept,
                ServiceBar::grantedWidth).containsExactly(
                org.assertj.core.groups.Tuple.tuple("kms", 1, 0, 50),
                org.assertj.core.groups.Tuple.tuple("s3", 2, 0, 100));
    }

    @Test
    void changesWithoutDocumentsGiveAnEmptyChart() {
        assertThat(ServiceBar.of(List.of(new Proposal.Change("DETACH_MANAGED", "m", null, null, null)))).isEmpty();
        assertThat(ServiceBar.height(0)).isPositive();
    }
}
