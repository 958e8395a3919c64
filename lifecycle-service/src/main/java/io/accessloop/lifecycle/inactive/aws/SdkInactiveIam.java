package io.accessloop.lifecycle.inactive.aws;

import io.accessloop.lifecycle.inactive.domain.InactiveIam;
import io.accessloop.lifecycle.inactive.domain.InactivityRules;
import io.accessloop.lifecycle.inactive.domain.KeyActivity;
import io.accessloop.lifecycle.inactive.domain.UserActivity;
import io.accessloop.lifecycle.offboarding.domain.PersonIam;
import io.accessloop.lifecycle.offboarding.domain.UserChange;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link InactiveIam} over the AWS SDK; deletion reuses the offboarding clean-up so nothing is left behind. */
@ApplicationScoped
public class SdkInactiveIam implements InactiveIam {

    private final IamClient iam;
    private final PersonIam people;

    SdkInactiveIam(IamClient iam, PersonIam people) {
        this.iam = iam;
        this.people = people;
    }

    @Override
    public List<UserActivity> users(String pathPrefix) {
        List<UserActivity> users = new ArrayList<>();
        for (User listed : iam.listUsersPaginator(b -> b.pathPrefix(pathPrefix)).users()) {
            try {
                User user = iam.getUser(b -> b.userName(listed.userName())).user();
                List<KeyActivity> keys = new ArrayList<>();
                for (AccessKeyMetadata key : iam.listAccessKeys(b -> b.userName(user.userName())).accessKeyMetadata()) {
                    Instant lastUsed = iam.getAccessKeyLastUsed(b -> b.accessKeyId(key.accessKeyId()))
                            .accessKeyLastUsed().lastUsedDate();
                    keys.add(new KeyActivity(key.accessKeyId(), key.status() == StatusType.ACTIVE, key.createDate(),
                            lastUsed));
                }
                Map<String, String> tags = new HashMap<>();
                iam.listUserTags(b -> b.userName(user.userName())).tags().forEach(t -> tags.put(t.key(), t.value()));
                users.add(new UserActivity(user.userName(), user.arn(), user.createDate(), user.passwordLastUsed(),
                        keys, tags));
            } catch (NoSuchEntityException gone) {
                // deleted while listing
            }
        }
        return users;
    }

    @Override
    public List<UserChange> disable(String userName, Instant at) {
        List<UserChange> done = new ArrayList<>();
        try {
            String arn = iam.getUser(b -> b.userName(userName)).user().arn();
            for (AccessKeyMetadata key : iam.listAccessKeys(b -> b.userName(userName)).accessKeyMetadata()) {
                if (key.status() == StatusType.ACTIVE) {
                    iam.updateAccessKey(b -> b.userName(userName).accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
                    done.add(UserChange.action(UserChange.KEY_DEACTIVATED, userName, arn, key.accessKeyId(),
                            "deactivated access key " + key.accessKeyId() + " of " + userName));
                }
            }
            try {
                iam.deleteLoginProfile(b -> b.userName(userName));
                done.add(UserChange.action(UserChange.LOGIN_PROFILE_DELETED, userName, arn, "",
                        "deleted the login profile of " + userName));
            } catch (NoSuchEntityException none) {
                // no console password
            }
            iam.tagUser(b -> b.userName(userName).tags(tag(InactivityRules.DISABLED_AT_TAG, at.toString())));
            done.add(UserChange.action(UserChange.USER_DISABLED, userName, arn, "",
                    "tagged " + userName + " " + InactivityRules.DISABLED_AT_TAG + "=" + at));
        } catch (NoSuchEntityException gone) {
            done.add(UserChange.note(userName, "user " + userName + " is gone"));
        }
        return done;
    }

    @Override
    public List<UserChange> delete(String userName, Instant at) {
        return people.removeUser(userName, false, at);
    }

    @Override
    public List<UserChange> noticeKey(String userName, String keyId, Instant at) {
        try {
            String arn = iam.getUser(b -> b.userName(userName)).user().arn();
            iam.tagUser(b -> b.userName(userName).tags(tag(InactivityRules.KEY_NOTICE_TAG_PREFIX + keyId, at.toString())));
            return List.of(UserChange.action(UserChange.KEY_NOTICE, userName, arn, keyId,
                    "gave notice on access key " + keyId + " of " + userName));
        } catch (NoSuchEntityException gone) {
            return List.of(UserChange.note(userName, "user " + userName + " is gone"));
        }
    }

    @Override
    public List<UserChange> deactivateKey(String userName, String keyId) {
        try {
            String arn = iam.getUser(b -> b.userName(userName)).user().arn();
            iam.updateAccessKey(b -> b.userName(userName).accessKeyId(keyId).status(StatusType.INACTIVE));
            return List.of(UserChange.action(UserChange.KEY_DEACTIVATED, userName, arn, keyId,
                    "deactivated access key " + keyId + " of " + userName));
        } catch (NoSuchEntityException gone) {
            return List.of(UserChange.note(userName, "access key " + keyId + " of " + userName + " is gone"));
        }
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
