package io.accessloop.lifecycle.inactive;

import io.accessloop.lifecycle.inactive.domain.InactivityAction;
import io.accessloop.lifecycle.inactive.service.InactivitySweep;
import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Iam;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
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

        await().pollDelay(Duration.ofMillis(3500)).until(() -> true);
        List<InactivityAction> second = sweep.run();

        assertThat(second).filteredOn(a -> a.userName().equals(idle)).extracting(InactivityAction::kind)
                .containsExactly(InactivityAction.Kind.DELETE_USER);
        assertThat(Iam.userExists(idle)).isFalse();
        assertThat(Iam.userExists(exempt)).isTrue();
        assertThat(iam.listAccessKeys(b -> b.userName(exempt)).accessKeyMetadata())
                .allMatch(k -> k.status() == StatusType.ACTIVE);
    }
}
