package io.accessloop.broker.revocation;

import io.accessloop.broker.Db;
import io.accessloop.broker.SandboxAccount;
import io.accessloop.broker.StoredGrants;
import io.accessloop.broker.messaging.BrokerCommandConsumer;
import io.accessloop.broker.revocation.domain.RevocationEntry;
import io.accessloop.broker.revocation.domain.RevocationPolicy;
import io.accessloop.broker.revocation.service.RevocationPruning;
import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventType;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.command.RevokeGrant;
import io.accessloop.contracts.command.RevokeGrants;
import io.accessloop.iam.policy.PolicySizeLimits;
import io.accessloop.testsupport.SandboxResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A role whose revocations no longer fit its inline quota gets one role-wide deny that spares the grants still live
 * on it: another person's live session keeps working while every revoked session is denied, across later revocations
 * and pruning, until that grant is revoked itself.
 */
@QuarkusTest
class LiveGrantSparingTest {

    private static final String ROLE_NAME = "prod-readonly";
    private static final String ROLE = StoredGrants.roleArn(ROLE_NAME);

    @Inject
    BrokerCommandConsumer commands;

    @Inject
    EventCodec codec;

    @Inject
    RevocationPruning pruning;

    private <T> void command(EventType<T> type, T payload) throws Throwable {
        CloudEvent event = CloudEvent.create(type, "/lifecycle-service", "test", payload, Instant.now(), codec);
        VertxContextSupport.subscribeAndAwait(() -> commands.onCommand(codec.encode(event)));
    }

    private static String decision(JsonPath session) {
        return StoredGrants.decision(session, ROLE);
    }

    @Test
    void aCompactedRevocationKeepsAnotherPersonsLiveSessionWorking() throws Throwable {
        SandboxAccount.ensureRoles();
        StoredGrants.clearRevocations(ROLE_NAME);
        String keeper = "keeper-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String leaver = "leaver-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String live = StoredGrants.insertActive(keeper, ROLE_NAME);
        JsonPath liveSession = StoredGrants.session(keeper, live);
        String idle = StoredGrants.insertActive(keeper, ROLE_NAME); // active, but no session issued yet
        List<String> liveOnRole = Db.strings("select id from access_grant where role_arn = ? and status = 'ACTIVE' "
                + "and sessions_until > now()", ROLE);
        List<String> revoked = new ArrayList<>();
        for (int i = 0; i < liveOnRole.size() + 40; i++) {
            revoked.add(StoredGrants.insertActive(leaver, ROLE_NAME));
        }
        JsonPath firstRevoked = StoredGrants.session(leaver, revoked.get(0));
        JsonPath lastRevoked = StoredGrants.session(leaver, revoked.get(revoked.size() - 1));
        int room = sparingDenySize(liveOnRole) + 150;
        assertThat(grantDenySize(revoked)).as("the revoked grants alone do not fit").isGreaterThan(room);

        try (IamClient iam = SandboxAccount.iam(AwsBasicCredentials.create(SandboxResource.ACCESS_KEY,
                SandboxResource.SECRET_KEY))) {
            int permissions = PolicySizeLimits.countedCharacters(policy(iam, "permissions"));
            iam.putRolePolicy(b -> b.roleName(ROLE_NAME).policyName("padding")
                    .policyDocument(padding(RevocationPolicy.ROLE_INLINE_LIMIT - permissions - room)));
            try {
                assertThat(decision(liveSession)).isEqualTo("ALLOWED");

                command(EventTypes.REVOKE_GRANTS, new RevokeGrants(revoked, "expired", "lifecycle-service"));

                String deny = policy(iam, "accessloop-revocations");
                assertThat(deny).contains("RevokedAllSessions").contains("StringNotEquals").contains(live)
                        .doesNotContain(revoked.get(0))
                        .as("an active grant without a session needs no sparing").doesNotContain(idle);
                assertThat(Db.count("select count(*) from revocation_entry where role_arn = ? and kind = 'ROLE'", ROLE))
                        .isEqualTo(1);
                assertThat(Db.count("select count(*) from revocation_entry where role_arn = ? and kind = 'LIVE_GRANT' "
                        + "and subject = ?", ROLE, live)).isEqualTo(1);
                assertThat(Db.count("select count(*) from access_grant where id = any(?) and status = 'EXPIRED' "
                        + "and revocation_verified", (Object) revoked.toArray(String[]::new))).isEqualTo(revoked.size());
                assertThat(decision(liveSession)).isEqualTo("ALLOWED");
                try (IamClient session = SandboxAccount.iamWith(liveSession.getString("AccessKeyId"),
                        liveSession.getString("SecretAccessKey"), liveSession.getString("SessionToken"))) {
                    assertThat(session.getRole(b -> b.roleName(ROLE_NAME)).role().arn()).isEqualTo(ROLE);
                }
                assertThat(decision(firstRevoked)).isEqualTo("EXPLICIT_DENY");
                assertThat(decision(lastRevoked)).isEqualTo("EXPLICIT_DENY");
                // its first session is issued after the deny's cut-off, so the deny does not reach it
                assertThat(decision(StoredGrants.session(keeper, idle))).isEqualTo("ALLOWED");

                // a grant activated and revoked after the compaction: the rewrite keeps sparing the live grant
                String later = StoredGrants.insertActive(leaver, ROLE_NAME);
                JsonPath laterSession = StoredGrants.session(leaver, later);
                assertThat(decision(laterSession)).isEqualTo("ALLOWED");
                command(EventTypes.REVOKE_GRANT, new RevokeGrant(later, "manual", "sec@example.com"));
                assertThat(decision(laterSession)).isEqualTo("EXPLICIT_DENY");
                assertThat(decision(liveSession)).isEqualTo("ALLOWED");

                // pruning the grant entries leaves the role-wide deny and what it spares as they were
                Db.update("update revocation_entry set prune_after = now() - interval '1 second' "
                        + "where role_arn = ? and kind = 'GRANT'", ROLE);
                VertxContextSupport.subscribeAndAwait(() -> pruning.pruneDue());
                assertThat(Db.count("select count(*) from revocation_entry where role_arn = ? and kind = 'GRANT'",
                        ROLE)).isZero();
                assertThat(policy(iam, "accessloop-revocations")).contains(live);
                assertThat(decision(liveSession)).isEqualTo("ALLOWED");
                assertThat(decision(firstRevoked)).isEqualTo("EXPLICIT_DENY");

                // the spared grant ends too: its own deny wins over the role-wide deny's exception
                command(EventTypes.REVOKE_GRANT, new RevokeGrant(live, "manual", "sec@example.com"));
                assertThat(decision(liveSession)).isEqualTo("EXPLICIT_DENY");
            } finally {
                iam.deleteRolePolicy(b -> b.roleName(ROLE_NAME).policyName("padding"));
            }
        }
    }

    private static String policy(IamClient iam, String name) {
        return URLDecoder.decode(iam.getRolePolicy(b -> b.roleName(ROLE_NAME).policyName(name)).policyDocument(),
                StandardCharsets.UTF_8);
    }

    private static int sparingDenySize(List<String> liveGrants) {
        Instant now = Instant.now();
        List<RevocationEntry> entries = new ArrayList<>();
        entries.add(new RevocationEntry(RevocationEntry.Kind.ROLE, "*", now, now.plusSeconds(3600)));
        liveGrants.forEach(g -> entries.add(new RevocationEntry(RevocationEntry.Kind.LIVE_GRANT, g, now,
                now.plusSeconds(3600))));
        return new RevocationPolicy(entries).characters();
    }

    private static int grantDenySize(List<String> grants) {
        Instant now = Instant.now();
        return new RevocationPolicy(grants.stream().map(g -> new RevocationEntry(RevocationEntry.Kind.GRANT, g, now,
                now.plusSeconds(3600))).toList()).characters();
    }

    /** An allow of exactly {@code characters} counted characters (the Sid makes up the difference). */
    private static String padding(int characters) {
        String template = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"%s\",\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::accessloop-padding/*\"}]}";
        int fixed = PolicySizeLimits.countedCharacters(String.format(template, ""));
        return String.format(template, "P".repeat(characters - fixed));
    }
}
