package io.accessloop.broker.messaging;

import io.accessloop.broker.Db;
import io.accessloop.broker.SandboxAccount;
import io.accessloop.broker.StoredGrants;
import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.command.RevokeIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offboarding a person with 20 grants on three roles: every grant ends verified, every session of the person is
 * denied by AWS, and the time the command took is logged (DESIGN §8 asks for under 2 s; measured, not asserted).
 */
@QuarkusTest
class OffboardingLatencyTest {

    private static final Logger LOG = Logger.getLogger(OffboardingLatencyTest.class);
    private static final List<String> ENTITLEMENTS = List.of("prod-readonly", "prod-oncall", "dev-sandbox");
    /** The first run warms the path up; the later ones are the figure. */
    private static final int RUNS = 5;

    @Inject
    BrokerCommandConsumer commands;

    @Inject
    EventCodec codec;

    @Test
    void aPersonWithTwentyGrantsOnThreeRolesIsDeniedEverywhereAndVerified() throws Throwable {
        SandboxAccount.ensureRoles();
        for (int run = 1; run <= RUNS; run++) {
            String person = "leaver-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            List<String> grants = new ArrayList<>();
            Map<String, JsonPath> sessions = new LinkedHashMap<>();
            for (int i = 0; i < 20; i++) {
                String entitlement = ENTITLEMENTS.get(i % ENTITLEMENTS.size());
                String grant = StoredGrants.insertActive(person, entitlement);
                grants.add(grant);
                if (i < ENTITLEMENTS.size()) {
                    sessions.put(entitlement, StoredGrants.session(person, grant));
                }
            }
            sessions.forEach((entitlement, session) -> assertThat(StoredGrants.decision(session,
                    StoredGrants.roleArn(entitlement))).isEqualTo("ALLOWED"));
            CloudEvent event = CloudEvent.create(EventTypes.REVOKE_IDENTITY, "/lifecycle-service", person,
                    new RevokeIdentity(person, "offboarding", "lifecycle-service", "case_latency"), Instant.now(), codec);
            String body = codec.encode(event);

            long started = System.nanoTime();
            VertxContextSupport.subscribeAndAwait(() -> commands.onCommand(body));
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.infof("offboarding run %d: 20 grants on 3 roles denied and verified in %d ms", run, millis);

            assertThat(Db.count("select count(*) from access_grant where identity = ? and status = 'REVOKED' "
                    + "and revocation_verified", person)).isEqualTo(20);
            assertThat(Db.count("select count(*) from outbox_event where type = 'io.accessloop.access.grant.revoked.v1' "
                    + "and subject in (select id from access_grant where identity = ?)", person)).isEqualTo(20);
            assertThat(Db.count("select count(distinct role_arn) from revocation_entry where kind = 'IDENTITY' "
                    + "and subject = ?", person)).isEqualTo(3);
            sessions.forEach((entitlement, session) -> assertThat(StoredGrants.decision(session,
                    StoredGrants.roleArn(entitlement))).as(entitlement).isEqualTo("EXPLICIT_DENY"));
        }
    }
}
