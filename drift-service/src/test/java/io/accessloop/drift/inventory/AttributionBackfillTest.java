package io.accessloop.drift.inventory;

import io.accessloop.contracts.EventCodec;
import io.accessloop.drift.Samples;
import io.accessloop.drift.findings.domain.rules.OutOfBandChangeRule;
import io.accessloop.drift.ingest.service.ChangeProcessor;
import io.accessloop.drift.inventory.service.TrailBackfill;
import io.accessloop.testsupport.SandboxResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes recorded before their CloudTrail call was known are attributed afterwards: by the attribution backfill
 * (one LookupEvents query for many changes of an account) or by a call pushed later. The scheduled backfill is
 * paused here so that each test runs it itself and sees exactly what one run does.
 */
@QuarkusTest
class AttributionBackfillTest {

    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final String ROOT = "arn:aws:iam::000000000000:root";
    /** A time the sandbox's CloudTrail holds no calls around: a lookup there is answered with one empty page. */
    private static final Instant QUIET = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MILLIS);

    @Inject
    TrailBackfill backfill;

    @Inject
    ChangeProcessor processor;

    @Inject
    Scheduler scheduler;

    @Inject
    Pool pool;

    @Inject
    EventCodec codec;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void pauseTheScheduledBackfill() {
        scheduler.pause(TrailBackfill.JOB);
        // what earlier tests left waiting would share the lookups counted here
        pool.query("delete from attribution_pending").execute().await().atMost(Duration.ofSeconds(10));
    }

    @AfterEach
    void resumeTheScheduledBackfill() {
        given().delete(SandboxResource.endpoint().resolve("/_sandbox/faults").toString()).then().statusCode(200);
        SandboxResource.control("/_sandbox/clock", "{\"reset\":true}");
        scheduler.resume(TrailBackfill.JOB);
    }

    @Test
    void oneLookupFindsWhoMadeEveryWaitingChangeOfAnAccount() {
        // two days back the sandbox's CloudTrail holds only this test's calls: one page answers the window
        SandboxResource.control("/_sandbox/clock", "{\"set\":\"" + Instant.now().minus(Duration.ofDays(2)) + "\"}");
        List<String> roles = new ArrayList<>();
        try (IamClient iam = iam()) {
            for (int i = 0; i < 4; i++) {
                String role = "backfilled-" + UUID.randomUUID().toString().substring(0, 8);
                iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}"));
                iam.attachRolePolicy(r -> r.roleName(role).policyArn(ADMIN));
                roles.add(role);
            }
        }
        Instant captured = Instant.parse(given().get(SandboxResource.endpoint().resolve("/_sandbox/clock").toString())
                .then().statusCode(200).extract().<String>path("now")).plusMillis(1);
        for (String role : roles) {
            var change = Samples.roleChange(role, captured, 1);
            Samples.attach(change, "AdministratorAccess", ADMIN);
            process(change);
        }
        assertThat(waiting(roles)).isEqualTo(4);
        assertThat(changedBy(roles)).containsOnly("nobody");
        double lookupsBefore = counter("accessloop_drift_trail_lookups_total");

        TrailBackfill.Outcome outcome = inContext(backfill::run);

        assertThat(outcome.lookups()).isEqualTo(1);
        assertThat(outcome.joined()).isEqualTo(4);
        assertThat(counter("accessloop_drift_trail_lookups_total") - lookupsBefore).isEqualTo(1.0);
        assertThat(waiting(roles)).isZero();
        assertThat(changedBy(roles)).hasSize(4).containsOnly(ROOT);
        assertThat(strings("select coalesce(r.changed_by, 'nobody') from iam_resource r where r.arn = any($1)",
                arns(roles))).hasSize(4).containsOnly(ROOT);
    }

    @Test
    void aChangeWhoseCallIsNotFoundWaitsAndIsGivenUpLater() {
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        process(Samples.roleChange(ghost, QUIET, 1));
        assertThat(waiting(List.of(ghost))).isEqualTo(1);

        TrailBackfill.Outcome first = inContext(backfill::run);

        assertThat(first.lookups()).isEqualTo(1);
        assertThat(first.joined()).isZero();
        assertThat(first.givenUp()).isZero();
        assertThat(waiting(List.of(ghost))).isEqualTo(1);
        assertThat(strings("select attempts::text from attribution_pending p join iam_resource r "
                + "on r.id = p.resource_ref where r.arn = any($1)", arns(List.of(ghost)))).containsExactly("1");
        assertThat(strings("select (p.next_attempt_at > p.recorded_at)::text from attribution_pending p "
                + "join iam_resource r on r.id = p.resource_ref where r.arn = any($1)", arns(List.of(ghost))))
                .as("looked up again after retry-after").containsExactly("true");

        double givenUpBefore = counter("accessloop_drift_attribution_given_up_total");
        age(ghost);
        TrailBackfill.Outcome last = inContext(backfill::run);

        assertThat(last.givenUp()).isEqualTo(1);
        assertThat(waiting(List.of(ghost))).isZero();
        assertThat(counter("accessloop_drift_attribution_given_up_total") - givenUpBefore).isEqualTo(1.0);
        assertThat(changedBy(List.of(ghost))).containsOnly("nobody");
    }

    @Test
    void aChangeIsNotGivenUpWhileCloudTrailFails() {
        String role = "unanswered-" + UUID.randomUUID().toString().substring(0, 8);
        process(Samples.roleChange(role, QUIET, 1));
        age(role);
        SandboxResource.control("/_sandbox/faults", "{\"action\":\"cloudtrail:LookupEvents\",\"type\":\"error\","
                + "\"statusCode\":500,\"count\":20}");

        TrailBackfill.Outcome outcome = inContext(backfill::run);

        assertThat(outcome.lookups()).isEqualTo(1);
        assertThat(outcome.givenUp()).isZero();
        assertThat(waiting(List.of(role))).isEqualTo(1);
    }

    @Test
    void aCallPushedAfterItsChangeNamesWhoMadeItOnTheVersionAndTheFinding() {
        String role = "late-call-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        process(Samples.roleChange(role, t0, 1));
        var attached = Samples.roleChange(role, t0.plusSeconds(2), 2);
        Samples.attach(attached, "AdministratorAccess", ADMIN);
        process(attached);
        String arn = "arn:aws:iam::000000000000:role/" + role;
        assertThat(strings("select coalesce(changed_by, 'nobody') from finding where principal_arn = $1 and rule = $2",
                arn, OutOfBandChangeRule.ID)).containsExactly("nobody");

        process(Samples.attachRolePolicyCall(role, ADMIN, t0.plusSeconds(1), "ops-admin", "mallory@example.com"));

        String mallory = "arn:aws:sts::000000000000:assumed-role/ops-admin/mallory@example.com";
        assertThat(strings("select coalesce(changed_by, 'nobody') from finding where principal_arn = $1 and rule = $2",
                arn, OutOfBandChangeRule.ID)).containsExactly(mallory);
        assertThat(strings("select coalesce(v.changed_by, 'nobody') || ' ' || coalesce(v.source_identity, '-') "
                        + "from iam_resource_version v join iam_resource r on r.id = v.resource_ref where r.arn = $1 "
                        + "order by v.version", arn))
                // the creation had no call: it still waits for one (and is given up later)
                .containsExactly("nobody -", mallory + " mallory@example.com");
        assertThat(strings("select changed_by from iam_resource where arn = $1", arn)).containsExactly(mallory);
        assertThat(strings("select v.version::text from attribution_pending p join iam_resource_version v "
                + "on v.id = p.version_id join iam_resource r on r.id = p.resource_ref where r.arn = $1", arn))
                .containsExactly("1");
    }

    @Test
    void aCallThatTwoWaitingChangesCouldHaveCausedIsJoinedToTheNewerOnly() {
        String role = "ambiguous-" + UUID.randomUUID().toString().substring(0, 8);
        // CloudTrail has whole seconds: a call in the second the first state was captured fits both windows
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60).plusMillis(500);
        process(Samples.roleChange(role, t0, 1));
        var attached = Samples.roleChange(role, t0.plusSeconds(2), 2);
        Samples.attach(attached, "AdministratorAccess", ADMIN);
        process(attached);

        process(Samples.attachRolePolicyCall(role, ADMIN, t0.minusMillis(500), "ops-admin", "mallory@example.com"));

        String arn = "arn:aws:iam::000000000000:role/" + role;
        assertThat(strings("select coalesce(v.changed_by, 'nobody') from iam_resource_version v join iam_resource r "
                + "on r.id = v.resource_ref where r.arn = $1 order by v.version", arn))
                .containsExactly("nobody", "arn:aws:sts::000000000000:assumed-role/ops-admin/mallory@example.com");
        assertThat(strings("select v.version::text from attribution_pending p join iam_resource_version v "
                + "on v.id = p.version_id join iam_resource r on r.id = p.resource_ref where r.arn = $1", arn))
                .containsExactly("1");
    }

    private void process(com.fasterxml.jackson.databind.JsonNode event) {
        String id = new Backlog(pool, codec).storeOnly(List.of(event)).get(0);
        inContext(() -> Panache.withTransaction(() -> processor.process(id)));
    }

    /** Lets a waiting change of {@code role} be due now and older than give-up-after. */
    private void age(String role) {
        pool.preparedQuery("update attribution_pending p set recorded_at = now() - interval '1 day', "
                        + "next_attempt_at = now() - interval '1 second' from iam_resource r "
                        + "where r.id = p.resource_ref and r.arn = $1")
                .execute(Tuple.of("arn:aws:iam::000000000000:role/" + role)).await().atMost(Duration.ofSeconds(10));
    }

    private long waiting(List<String> roles) {
        return Long.parseLong(strings("select count(*)::text from attribution_pending p join iam_resource r "
                + "on r.id = p.resource_ref where r.arn = any($1)", arns(roles)).get(0));
    }

    private List<String> changedBy(List<String> roles) {
        return strings("select coalesce(v.changed_by, 'nobody') from iam_resource_version v join iam_resource r "
                + "on r.id = v.resource_ref where r.arn = any($1)", arns(roles));
    }

    /** The roles' ARNs as one array parameter. */
    private static Object arns(List<String> roles) {
        return roles.stream().map(r -> "arn:aws:iam::000000000000:role/" + r).toArray(String[]::new);
    }

    private List<String> strings(String sql, Object... params) {
        List<String> out = new ArrayList<>();
        for (Row row : pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10))) {
            out.add(row.getString(0));
        }
        return out;
    }

    private double counter(String name) {
        var counter = registry.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Runs {@code work} on its own Vert.x context, as a message or a scheduled run would, and waits for it. */
    private <T> T inContext(Supplier<Uni<T>> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(done::complete, done::completeExceptionally));
        try {
            return done.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static IamClient iam() {
        return IamClient.builder().endpointOverride(SandboxResource.endpoint()).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
