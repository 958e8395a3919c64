package io.accessloop.lifecycle.offboarding;

import io.accessloop.contracts.EventTypes;
import io.accessloop.lifecycle.offboarding.domain.PersonIam;
import io.accessloop.lifecycle.offboarding.domain.SagaStep;
import io.accessloop.lifecycle.offboarding.domain.UserChange;
import io.accessloop.lifecycle.offboarding.repository.CleanupPlans;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Events;
import io.accessloop.lifecycle.support.Hr;
import io.accessloop.lifecycle.support.Iam;
import io.accessloop.lifecycle.support.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class OffboardingTest {

    @Inject
    PersonIam personIam;

    @Inject
    CleanupPlans plans;

    @Test
    void aTerminatedEmployeeEndsWithNothingLeftProvenByTheVerificationScan() {
        String suffix = suffix();
        String person = "leaver-" + suffix + "@example.com";
        String role = "app-owned-by-" + suffix;
        List<String> grants = List.of(Events.grantId(), Events.grantId());
        grants.forEach(g -> Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", g)
                .put("identity", person).put("endsAt", Instant.now().plus(Duration.ofHours(4)).toString())));
        Iam.userWithEverything(person, suffix);
        Iam.roleOwnedBy(role, person);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("select count(*) from grant_schedule where identity = ?", person) == 2);

        String caseUrl = Hr.post(Hr.event(Hr.newId(), "employee.terminated", person, null, null))
                .statusCode(202).body("status", equalTo("accepted")).extract().path("statusUrl");

        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "select count(*) from outbox_event where type = ? and subject = ? and sent_at is not null",
                EventTypes.REVOKE_IDENTITY.type(), person) == 1);
        // the broker's side of the contract: it reports each grant revoked
        grants.forEach(g -> Events.sendSample(EventTypes.GRANT_REVOKED, d -> d.put("grantId", g)
                .put("identity", person).put("reason", "offboarding")));

        JsonPath closed = awaitStatus(caseUrl, "CLOSED");
        // a scan that ran before the broker confirmed the grants failed and sent the case round again
        List<String> steps = closed.getList("steps.step", String.class);
        assertThat(steps).startsWith("REVOKE_ACCESS", "CLEAN_IAM_USERS", "FLAG_OWNED_ROLES")
                .endsWith("FLAG_OWNED_ROLES", "VERIFY", "CLOSE");
        assertThat(steps.stream().filter("VERIFY"::equals)).hasSize(1);
        assertThat(closed.getList("steps[1].detail", String.class)).anyMatch(l -> l.startsWith("deactivated access key"))
                .anyMatch(l -> l.startsWith("deleted access key"))
                .contains("deleted the login profile of " + person, "removed " + person + " from group grp-" + suffix,
                        "deleted inline policy inline-" + suffix + " of " + person, "deleted user " + person)
                .anyMatch(l -> l.startsWith("detached managed policy") && l.endsWith("managed-" + suffix + " from " + person))
                .anyMatch(l -> l.startsWith("deactivated MFA device") && l.contains("mfa-" + suffix));
        assertThat(Iam.client().listVirtualMFADevices().virtualMFADevices())
                .noneMatch(d -> d.serialNumber().endsWith("mfa-" + suffix));
        assertThat(closed.getString("closedAt")).isNotNull();

        assertThat(Iam.userExists(person)).isFalse();
        // every IAM clean-up action is an event, published once
        List<String> actions = Db.query("select envelope from outbox_event where type = ? and envelope like ?",
                        EventTypes.IAM_USER_ACTIONED.type(), "%user/" + person + "\"%").stream()
                .map(r -> JsonPath.from((String) r.get("envelope")).getString("data.action")).toList();
        assertThat(actions).containsExactlyInAnyOrder("key-deactivated", "key-deactivated", "key-deleted",
                "key-deleted", "login-profile-deleted", "group-membership-removed", "inline-policy-deleted",
                "managed-policy-detached", "mfa-device-deactivated", "user-deleted");
        assertThat(Db.query("select envelope from outbox_event where type = ? and envelope like ?",
                EventTypes.IAM_USER_ACTIONED.type(), "%user/" + person + "\"%").get(0).get("envelope")).asString()
                .contains("\"accountId\":\"", "offboarding case case_");
        assertThat(Db.count("select count(*) from audit_entry where kind = ? and identity = ?",
                EventTypes.IAM_USER_ACTIONED.type(), person)).isEqualTo(10);
        assertThat(Iam.roleTag(role, "accessloop:owner-status")).isEqualTo("offboarded");
        assertThat(Db.count("select count(*) from outbox_event where type = ? and subject = ?",
                EventTypes.OFFBOARDED.type(), person)).isEqualTo(1);
        assertThat(Db.query("select status from identity where email = ?", person).get(0))
                .containsEntry("status", "OFFBOARDED");

        given().header("Authorization", Roles.auditor()).get("/api/v1/identities/" + person + "/timeline")
                .then().statusCode(200)
                .body("identity.status", equalTo("OFFBOARDED"))
                .body("items.kind", hasItem(EventTypes.OFFBOARDED.type()))
                .body("items.kind", hasItem(EventTypes.GRANT_ACTIVATED.type()))
                .body("items.kind", hasItem("hr.employee.terminated"));
        given().header("Authorization", Roles.employee(person)).get(caseUrl).then().statusCode(404);
    }

    @Test
    void aFutureDatedTerminationRunsWhenItsDateComes() {
        String person = "later-" + suffix() + "@example.com";
        String effective = Instant.now().plusSeconds(3).toString();
        String caseUrl = Hr.post(Hr.event(Hr.newId(), "employee.terminated", person, effective, null))
                .statusCode(202).body("status", equalTo("scheduled")).extract().path("statusUrl");
        assertThat(view(caseUrl).getString("status")).isEqualTo("SCHEDULED");

        JsonPath closed = awaitStatus(caseUrl, "CLOSED");

        Instant revoked = ((java.sql.Timestamp) Db.query("select created_at from outbox_event where type = ? and subject = ?",
                EventTypes.REVOKE_IDENTITY.type(), person).get(0).get("created_at")).toInstant();
        assertThat(revoked).isAfterOrEqualTo(Instant.parse(effective).minusMillis(1));
        assertThat(closed.getList("steps.step")).first().isEqualTo("REVOKE_ACCESS");
    }

    @Test
    void verificationWaitsUntilTheBrokerReportsEveryGrantEnded() {
        String person = "slow-" + suffix() + "@example.com";
        String grant = Events.grantId();
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", grant).put("identity", person)
                .put("endsAt", Instant.now().plus(Duration.ofHours(4)).toString()));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("select count(*) from grant_schedule where grant_id = ?", grant) == 1);

        String caseUrl = Hr.post(Hr.event(Hr.newId(), "employee.terminated", person, null, null))
                .statusCode(202).extract().path("statusUrl");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath c = view(caseUrl);
            return c.getInt("attempts") >= 1 && c.getString("lastError") != null
                    && c.getString("lastError").contains("not yet reported ended");
        });
        assertThat(view(caseUrl).getString("status")).isIn("RETRYING", "RUNNING");

        Events.sendSample(EventTypes.GRANT_EXPIRED, d -> d.put("grantId", grant).put("identity", person));
        awaitStatus(caseUrl, "CLOSED");
    }

    @Test
    void theBrokersLastReportResumesACaseWaitingForItWithoutWaitingOutTheBackOff() {
        String person = "waiting-" + suffix() + "@example.com";
        String grant = Events.grantId();
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", grant).put("identity", person)
                .put("endsAt", Instant.now().plus(Duration.ofHours(4)).toString()));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("select count(*) from grant_schedule where grant_id = ?", grant) == 1);
        String caseUrl = Hr.post(Hr.event(Hr.newId(), "employee.terminated", person, null, null))
                .statusCode(202).extract().path("statusUrl");
        // verification found the grant open; its next attempt is pushed an hour away, far beyond this test's patience
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.update("update offboarding_case "
                + "set next_attempt_at = now() + interval '1 hour' where identity = ? and status = 'RETRYING' "
                + "and last_error like 'verification found:%'", person) == 1);

        Events.sendSample(EventTypes.GRANT_EXPIRED, d -> d.put("grantId", grant).put("identity", person));

        JsonPath closed = awaitStatus(caseUrl, "CLOSED");
        assertThat(closed.getList("steps.step", String.class)).endsWith("VERIFY", "CLOSE");
        assertThat(Db.count("select count(*) from outbox_event where type = ? and subject = ?",
                EventTypes.REVOKE_IDENTITY.type(), person)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = SagaStep.class, names = {"REVOKE_ACCESS", "CLEAN_IAM_USERS", "FLAG_OWNED_ROLES", "VERIFY", "CLOSE"})
    void aCaseKilledAfterAnyStepResumesThereAndFinishes(SagaStep crashedBefore) {
        String suffix = suffix();
        String person = "crash-" + suffix + "@example.com";
        Iam.userWithEverything(person, suffix);
        Iam.roleOwnedBy("crash-role-" + suffix, person);
        if (crashedBefore.ordinal() > SagaStep.CLEAN_IAM_USERS.ordinal()) {
            // the crashed worker had already cleaned IAM up
            personIam.removeUser(person, false, Instant.now());
        }
        if (crashedBefore.ordinal() > SagaStep.FLAG_OWNED_ROLES.ordinal()) {
            personIam.flagOwnedRole("crash-role-" + suffix, Instant.now());
        }
        String caseId = "case_" + UUID.randomUUID().toString().replace("-", "");
        // exactly what a worker that died after committing the previous step leaves behind: RUNNING, lease held
        Db.update("insert into offboarding_case (id, identity, status, next_step, trigger, requested_by, effective_at, "
                + "lease_owner, lease_until, attempts, steps, created_at, updated_at) values (?, ?, 'RUNNING', ?, "
                + "'manual', 'sam@example.com', now(), 'dead-worker', now() - interval '1 second', 0, '[]', now(), now())",
                caseId, person, crashedBefore.name());

        JsonPath closed = awaitStatus("/api/v1/offboarding/" + caseId, "CLOSED");

        List<String> expected = List.of("REVOKE_ACCESS", "CLEAN_IAM_USERS", "FLAG_OWNED_ROLES", "VERIFY", "CLOSE");
        assertThat(closed.getList("steps.step")).isEqualTo(expected.subList(crashedBefore.ordinal(), expected.size()));
        if (crashedBefore.ordinal() <= SagaStep.CLEAN_IAM_USERS.ordinal()) {
            assertThat(Iam.userExists(person)).isFalse();
        }
        assertThat(Db.count("select count(*) from audit_entry where subject = ? and kind = ?", caseId,
                "io.accessloop.lifecycle.offboarding.case-claimed")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCaseKilledAfterItsIamCallsButBeforeTheStepCommittedStillPublishesEveryActionOnce() throws Throwable {
        String suffix = suffix();
        String person = "halfway-" + suffix + "@example.com";
        Iam.userWithEverything(person, suffix);
        String caseId = "case_" + UUID.randomUUID().toString().replace("-", "");
        // what a worker that died inside CLEAN_IAM_USERS leaves behind: its plan recorded, every IAM call made, the
        // step with its events not committed, the case RUNNING at that step under an expired lease
        List<UserChange> plan = personIam.planRemoval(person, false);
        assertThat(plan).hasSize(10);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                plans.save(caseId, plan, Instant.now())));
        personIam.removeUser(person, false, Instant.now());
        assertThat(Iam.userExists(person)).isFalse();
        Db.update("insert into offboarding_case (id, identity, status, next_step, trigger, requested_by, effective_at, "
                + "lease_owner, lease_until, attempts, steps, created_at, updated_at) values (?, ?, 'RUNNING', ?, "
                + "'manual', 'sam@example.com', now(), 'dead-worker', now() - interval '1 second', 0, '[]', now(), now())",
                caseId, person, SagaStep.CLEAN_IAM_USERS.name());

        JsonPath closed = awaitStatus("/api/v1/offboarding/" + caseId, "CLOSED");

        assertThat(closed.getList("steps.step")).containsExactly("CLEAN_IAM_USERS", "FLAG_OWNED_ROLES", "VERIFY",
                "CLOSE");
        assertThat(closed.getList("steps[0].detail", String.class)).contains("deleted user " + person,
                "deleted the login profile of " + person);
        assertThat(actionsOn(person)).containsExactlyInAnyOrder("key-deactivated", "key-deactivated", "key-deleted",
                "key-deleted", "login-profile-deleted", "group-membership-removed", "inline-policy-deleted",
                "managed-policy-detached", "mfa-device-deactivated", "user-deleted");
        assertThat(Db.count("select count(*) from offboarding_cleanup_plan where case_id = ?", caseId))
                .as("the plan is spent with the step").isZero();
    }

    @Test
    void securityOffboardsByHandWithTheSameSaga() {
        String person = "manual-" + suffix() + "@example.com";
        String body = "{\"email\":\"" + person.toUpperCase() + "\",\"reason\":\"contract ended\"}";
        String key = UUID.randomUUID().toString();
        // a grant the broker has not yet reported ended keeps the case open (verification waits for it)
        String grant = Events.grantId();
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", grant).put("identity", person)
                .put("endsAt", Instant.now().plus(Duration.ofHours(1)).toString()));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("select count(*) from grant_schedule where grant_id = ?", grant) == 1);

        given().header("Authorization", Roles.employee("eve@example.com")).contentType("application/json").body(body)
                .post("/api/v1/offboarding").then().statusCode(403);
        given().header("Authorization", Roles.auditor()).contentType("application/json").body(body)
                .post("/api/v1/offboarding").then().statusCode(403);
        given().header("Authorization", Roles.security()).contentType("application/json")
                .body("{\"email\":\"nope\",\"reason\":\"\"}")
                .post("/api/v1/offboarding").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Roles.security()).contentType("application/json").body("{")
                .post("/api/v1/offboarding").then().statusCode(400);
        assertThat(Db.count("select count(*) from offboarding_case where identity = ?", person)).isZero();

        String first = given().header("Authorization", Roles.security()).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/offboarding")
                .then().statusCode(201).body("id", startsWith("case_")).body("identity", equalTo(person))
                .body("trigger", equalTo("manual")).body("requestedBy", equalTo("sam@example.com"))
                .extract().asString();
        String replay = given().header("Authorization", Roles.security()).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/offboarding")
                .then().statusCode(201).extract().asString();
        assertThat(replay).isEqualTo(first);
        given().header("Authorization", Roles.security()).contentType("application/json").body(body)
                .post("/api/v1/offboarding").then().statusCode(409)
                .body("type", equalTo("urn:accessloop:problem:case-open"));

        String id = JsonPath.from(first).getString("id");
        Events.sendSample(EventTypes.GRANT_REVOKED, d -> d.put("grantId", grant).put("identity", person)
                .put("reason", "offboarding"));
        awaitStatus("/api/v1/offboarding/" + id, "CLOSED");
        given().header("Authorization", Roles.security()).get("/api/v1/offboarding/case_unknown")
                .then().statusCode(404);
    }

    @Test
    void employeesSeeOnlyTheirOwnTimeline() {
        String me = "me-" + suffix() + "@example.com";
        String grant = Events.grantId();
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", grant).put("identity", me)
                .put("endsAt", Instant.now().plus(Duration.ofHours(1)).toString()));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("select count(*) from audit_entry where grant_id = ?", grant) == 1);

        given().header("Authorization", Roles.employee(me)).get("/api/v1/identities/" + me.toUpperCase() + "/timeline")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].grantId", equalTo(grant));
        given().header("Authorization", Roles.employee("other@example.com")).get("/api/v1/identities/" + me + "/timeline")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Roles.employee(me)).queryParam("limit", "x")
                .get("/api/v1/identities/" + me + "/timeline").then().statusCode(400);
    }

    /** The IAM_USER_ACTIONED actions published about {@code userName}'s user. */
    static List<String> actionsOn(String userName) {
        return Db.query("select envelope from outbox_event where type = ? and envelope like ?",
                        EventTypes.IAM_USER_ACTIONED.type(), "%user/" + userName + "\"%").stream()
                .map(r -> JsonPath.from((String) r.get("envelope")).getString("data.action")).toList();
    }

    private static JsonPath awaitStatus(String caseUrl, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(view(caseUrl).getString("status")));
        return view(caseUrl);
    }

    private static JsonPath view(String caseUrl) {
        return given().header("Authorization", Roles.security()).get(caseUrl).then().statusCode(200)
                .extract().jsonPath();
    }

    private static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }
}
