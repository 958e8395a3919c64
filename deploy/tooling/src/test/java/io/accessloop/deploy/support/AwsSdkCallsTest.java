package io.accessloop.deploy.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AwsSdkCallsTest {

    @Test
    void readsCallsOnSdkClientVariablesAndPaginators() {
        String source = """
                class RoleCleaner {
                    private final IamClient iam;
                    private final StsClient sts;
                    void run(CloudTrailClient trail) {
                        iam.listRolePoliciesPaginator(b -> b.roleName("x"));
                        iam.deleteRolePolicy(b -> b);
                        sts.assumeRole(r);
                        trail.lookupEvents(r);
                        // iam.deleteRole(b) in a comment is not a call
                        String s = "iam.createUser(";
                        iam.close();
                        other.putRolePolicy(b);
                    }
                }
                """;
        assertThat(AwsSdkCalls.inSource(source)).containsExactlyInAnyOrder(
                "iam:ListRolePolicies", "iam:DeleteRolePolicy", "sts:AssumeRole", "cloudtrail:LookupEvents");
    }

    @Test
    void readsCallsOnClientsHandedOutByAMethod() {
        String source = """
                class Revoker {
                    IamClient forRole(String arn) { return clients.get(arn); }
                    void run(String arn) {
                        accounts.forRole(arn).putRolePolicy(b -> b.roleName(name(arn)));
                        var iam = accounts.forRole(arn);
                        iam.getRolePolicy(b -> b);
                        other(arn).deleteRole(b);
                    }
                }
                """;
        assertThat(AwsSdkCalls.inSource(source)).containsExactlyInAnyOrder("iam:PutRolePolicy", "iam:GetRolePolicy");
    }

    @Test
    void findsTheBrokersRealCalls() {
        assertThat(AwsSdkCalls.of("broker-service")).contains("sts:AssumeRole", "iam:PutRolePolicy");
    }
}
