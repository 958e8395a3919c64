package io.accessloop.iam.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BroadAccessTest {

    @Test
    void classifiesByActionsOnAllResources() {
        assertThat(BroadAccess.classify(Statement.allow().actions("*").resources("*").build())).isEqualTo(Breadth.ADMIN);
        assertThat(BroadAccess.classify(Statement.allow().actions("*:*").resources("*").build())).isEqualTo(Breadth.ADMIN);
        assertThat(BroadAccess.classify(Statement.allow().notActions("iam:*").resources("*").build()))
                .isEqualTo(Breadth.ALL_BUT_SOME);
        assertThat(BroadAccess.classify(Statement.allow().actions("s3:*", "ec2:Describe*").resources("*").build()))
                .isEqualTo(Breadth.SERVICE_WIDE);
        assertThat(BroadAccess.classify(Statement.allow().actions("s3:*").resources("arn:aws:s3:::b/*").build()))
                .isEqualTo(Breadth.SCOPED);
        assertThat(BroadAccess.classify(Statement.allow().actions("*").notResources("arn:aws:s3:::b").build()))
                .isEqualTo(Breadth.SCOPED);
        assertThat(BroadAccess.classify(Statement.deny().actions("*").resources("*").build())).isEqualTo(Breadth.SCOPED);
        assertThat(BroadAccess.classify(Statement.allow().actions("s3:Get*").resources("*").build()))
                .isEqualTo(Breadth.SCOPED);
    }

    @Test
    void findsBroadStatementsWithTheirServicesAndConditions() {
        PolicyDocument doc = PolicyDocument.of(
                Statement.allow().sid("Scoped").actions("s3:GetObject").resources("arn:aws:s3:::b/*").build(),
                Statement.allow().sid("AllS3").actions("S3:*", "sqs:*").resources("*").build(),
                Statement.allow().sid("BreakGlass").actions("*").resources("*")
                        .condition("Bool", "aws:MultiFactorAuthPresent", "true").build());

        assertThat(BroadAccess.find(doc)).containsExactly(
                new BroadStatement(1, "AllS3", Breadth.SERVICE_WIDE, Set.of("s3", "sqs"), false),
                new BroadStatement(2, "BreakGlass", Breadth.ADMIN, Set.of(), true));
    }

    @Test
    void listsThePermissionsManagementActionsGranted() {
        assertThat(BroadAccess.permissionsManagementActions(
                Statement.allow().actions("iam:Put*", "s3:GetObject").resources("*").build()))
                .contains("iam:PutRolePolicy", "iam:PutUserPolicy", "iam:PutRolePermissionsBoundary")
                .doesNotContain("s3:GetObject");
        assertThat(BroadAccess.permissionsManagementActions(
                Statement.allow().notActions("iam:*").resources("*").build()))
                .contains("s3:PutBucketPolicy").noneMatch(a -> a.startsWith("iam:"));
        assertThat(BroadAccess.permissionsManagementActions(
                Statement.allow().actions("s3:GetObject").resources("*").build())).isEmpty();
    }
}
