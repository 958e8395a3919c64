package io.accessloop.lifecycle.inactive;

import io.accessloop.contracts.EventTypes;
import io.accessloop.lifecycle.inactive.domain.InactivityAction;
import io.accessloop.lifecycle.inactive.service.InactivitySweep;
import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Iam;
import io.accessloop.testsupport.SandboxResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class InactivitySweepTest {

    private static final String PATH = "/inactivity-test/";

    @Inject
    InactivitySweep sweep;

    @Test
    void anUnusedUserIsDisabledThenDeletedAndAnExemptOneIsLeftAlone() {
        String suffix = Long.toString(System.nanoTime(), 36);
        String idle = "idle-" + suffix;
        String exempt = "exempt-" + suffix;
        var iam = Iam.client();
        iam.createUser(b -> b.userName(idle).path(PATH));
        iam.createAccessKey(b -> b.userName(idle));
        iam.createLoginProfile(b -> b.userName(idle).password("Sandbox-Passw0rd!-" + suffix));
        iam.createUser(b -> b.userName(exempt).path(PATH).tags(Tag.builder().key("accessloop:exempt-until")
                .value(Instant.now().plus(Duration.ofDays(1)).toString()).build()));
        iam.createAccessKey(b -> b.userName(exempt));
        await().pollDelay(Duration.ofMillis(3500)).until(() -> true);

        List<InactivityAction> first = sweep.run();

        assertThat(first).extracting(InactivityAction::userName).contains(idle).doesNotContain(exempt);
        assertThat(iam.listAccessKeys(b -> b.userName(idle)).accessKeyMetadata())
                .allMatch(k -> k.status() == StatusType.INACTIVE).isNotEmpty();
        assertThatThrownBy(() -> iam.getLoginProfile(b -> b.userName(idle))).isInstanceOf(NoSuchEntityException.class);
        assertThat(iam.listUserTags(b -> b.userName(idle)).tags()).extracting(Tag::key).contains("accessloop:disabled-at");
        assertThat(Db.count("select count(*) from audit_entry where subject = ? and kind = ?", idle,
                "io.accessloop.lifecycle.inactive.disable-user")).isEqualTo(1);
        assertThat(Db.query("select principal_arn from audit_entry where subject = ?", idle).get(0).get("principal_arn"))
                .asString().endsWith("user" + PATH + idle);
        assertThat(actions(idle)).containsExactlyInAnyOrder("key-deactivated", "login-profile-deleted", "user-disabled");
        sweep.run();
        assertThat(actions(idle)).as("a rerun before the deletion is due changes and publishes nothing")
                .hasSize(3);

        await().pollDelay(Duration.ofMillis(3500)).until(() -> true);
        List<InactivityAction> second = sweep.run();

        assertThat(second).filteredOn(a -> a.userName().equals(idle)).extracting(InactivityAction::kind)
                .containsExactly(InactivityAction.Kind.DELETE_USER);
        assertThat(Iam.userExists(idle)).isFalse();
        assertThat(actions(idle)).containsExactlyInAnyOrder("key-deactivated", "login-profile-deleted",
                "user-disabled", "key-deleted", "user-deleted");
        assertThat(Db.query("select envelope from outbox_event where type = ? and subject like ? order by id",
                EventTypes.IAM_USER_ACTIONED.type(), "%user" + PATH + idle).get(0).get("envelope")).asString()
                .contains("\"accountId\":\"", "\"reason\":\"no console sign-in and no key use since ");
        assertThat(Iam.userExists(exempt)).isTrue();
        assertThat(actions(exempt)).isEmpty();
        assertThat(iam.listAccessKeys(b -> b.userName(exempt)).accessKeyMetadata())
                .allMatch(k -> k.status() == StatusType.ACTIVE);
    }

    @Test
    void anOldKeyOfAUserInUseGetsANoticeThenIsDeactivatedEachPublishedOnce() {
        String user = "keyed-" + Long.toString(System.nanoTime(), 36);
        var iam = Iam.client();
        iam.createUser(b -> b.userName(user).path(PATH));
        iam.putUserPolicy(b -> b.userName(user).policyName("self").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\",\"Resource\":\"*\"}]}"));
        AccessKey key = iam.createAccessKey(b -> b.userName(user)).accessKey();
        await().pollDelay(Duration.ofMillis(1200)).until(() -> true);
        use(key, user);

        List<InactivityAction> first = sweep.run();
        sweep.run();

        assertThat(first).filteredOn(a -> a.userName().equals(user)).extracting(InactivityAction::kind)
                .containsExactly(InactivityAction.Kind.NOTIFY_KEY);
        assertThat(actions(user)).as("the rerun gives no second notice").containsOnlyOnce("key-notice")
                .doesNotContain("user-disabled");
        assertThat(Db.query("select envelope from outbox_event where type = ? and subject like ?",
                EventTypes.IAM_USER_ACTIONED.type(), "%user" + PATH + user).get(0).get("envelope")).asString()
                .contains("\"accessKeyId\":\"" + key.accessKeyId() + "\"", "\"action\":\"key-notice\"");

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            sweep.run();
            return actions(user).contains("key-deactivated");
        });
        sweep.run();

        assertThat(iam.listAccessKeys(b -> b.userName(user)).accessKeyMetadata())
                .allMatch(k -> k.status() == StatusType.INACTIVE);
        assertThat(actions(user)).containsOnlyOnce("key-notice").containsOnlyOnce("key-deactivated");
    }

    private static void use(AccessKey key, String user) {
        try (IamClient own = IamClient.builder().region(Region.AWS_GLOBAL).endpointOverride(SandboxResource.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            own.getUser(b -> b.userName(user));
        }
    }

    /** The IAM_USER_ACTIONED events published about a user, by action. */
    private static List<String> actions(String userName) {
        return Db.query("select envelope from outbox_event where type = ? and subject like ? order by id",
                        EventTypes.IAM_USER_ACTIONED.type(), "%user" + PATH + userName).stream()
                .map(r -> JsonPath.from((String) r.get("envelope")).getString("data.action")).toList();
    }
}
