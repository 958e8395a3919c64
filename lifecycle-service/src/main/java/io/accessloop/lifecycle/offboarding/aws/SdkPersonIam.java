package io.accessloop.lifecycle.offboarding.aws;

import io.accessloop.lifecycle.config.LifecycleSettings;
import io.accessloop.lifecycle.offboarding.domain.PersonIam;
import io.accessloop.lifecycle.offboarding.domain.UserChange;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@link PersonIam} over the AWS SDK; every call tolerates what is already gone so a step can run twice. */
@ApplicationScoped
public class SdkPersonIam implements PersonIam {

    private final IamClient iam;
    private final ExecutorService reads;

    SdkPersonIam(IamClient iam, LifecycleSettings settings) {
        this.iam = iam;
        AtomicInteger threads = new AtomicInteger();
        this.reads = Executors.newFixedThreadPool(Math.max(1, settings.offboarding().iamReadConcurrency()), work -> {
            Thread thread = new Thread(work, "offboarding-iam-read-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        reads.shutdownNow();
    }

    /** Every user's tags are read, several at once: the account may hold many users besides the leaver's. */
    @Override
    public List<String> usersOf(String email) {
        List<User> all = new ArrayList<>();
        iam.listUsersPaginator(b -> { }).users().forEach(all::add);
        List<Boolean> theirs = inParallel(all, user -> user.userName().equalsIgnoreCase(email)
                || taggedWith(userTags(user.userName()), IDENTITY_TAG, email));
        List<String> users = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (theirs.get(i)) {
                users.add(all.get(i).userName());
            }
        }
        return users;
    }

    @Override
    public List<UserChange> removeUser(String userName, boolean keepUser, Instant at) {
        List<UserChange> done = new ArrayList<>();
        try {
            String arn = iam.getUser(b -> b.userName(userName)).user().arn();
            // the denies first (keys inactive, no console password), then the clean-up
            List<AccessKeyMetadata> keys = iam.listAccessKeys(b -> b.userName(userName)).accessKeyMetadata();
            for (AccessKeyMetadata key : keys) {
                if (key.status() == StatusType.ACTIVE) {
                    iam.updateAccessKey(b -> b.userName(userName).accessKeyId(key.accessKeyId())
                            .status(StatusType.INACTIVE));
                    done.add(keyDeactivated(userName, arn, key.accessKeyId()));
                }
            }
            if (ignoreMissing(() -> iam.deleteLoginProfile(b -> b.userName(userName)))) {
                done.add(loginProfileDeleted(userName, arn));
            }
            for (AccessKeyMetadata key : keys) {
                iam.deleteAccessKey(b -> b.userName(userName).accessKeyId(key.accessKeyId()));
                done.add(keyDeleted(userName, arn, key.accessKeyId()));
            }
            for (Group group : iam.listGroupsForUser(b -> b.userName(userName)).groups()) {
                iam.removeUserFromGroup(b -> b.userName(userName).groupName(group.groupName()));
                done.add(groupLeft(userName, arn, group.groupName()));
            }
            for (String policy : iam.listUserPolicies(b -> b.userName(userName)).policyNames()) {
                iam.deleteUserPolicy(b -> b.userName(userName).policyName(policy));
                done.add(inlinePolicyDeleted(userName, arn, policy));
            }
            for (AttachedPolicy policy : iam.listAttachedUserPolicies(b -> b.userName(userName)).attachedPolicies()) {
                iam.detachUserPolicy(b -> b.userName(userName).policyArn(policy.policyArn()));
                done.add(managedPolicyDetached(userName, arn, policy.policyArn()));
            }
            for (MFADevice device : iam.listMFADevices(b -> b.userName(userName)).mfaDevices()) {
                iam.deactivateMFADevice(b -> b.userName(userName).serialNumber(device.serialNumber()));
                if (device.serialNumber().contains(":mfa/")) {
                    ignoreMissing(() -> iam.deleteVirtualMFADevice(b -> b.serialNumber(device.serialNumber())));
                }
                done.add(mfaDeactivated(userName, arn, device.serialNumber()));
            }
            if (keepUser) {
                iam.tagUser(b -> b.userName(userName).tags(Tag.builder().key(OFFBOARDED_TAG).value(at.toString()).build()));
                done.add(userKept(userName, arn));
            } else {
                iam.deleteUser(b -> b.userName(userName));
                done.add(userDeleted(userName, arn));
            }
        } catch (NoSuchEntityException gone) {
            done.add(UserChange.note(userName, "user " + userName + " is gone"));
        }
        return done;
    }

    /** The user's parts are read several at once; nothing is changed. */
    @Override
    public List<UserChange> planRemoval(String userName, boolean keepUser) {
        List<UserChange> plan = new ArrayList<>();
        try {
            String arn = iam.getUser(b -> b.userName(userName)).user().arn();
            Future<List<AccessKeyMetadata>> keys = reads.submit(() ->
                    iam.listAccessKeys(b -> b.userName(userName)).accessKeyMetadata());
            Future<Boolean> password = reads.submit(() ->
                    ignoreMissing(() -> iam.getLoginProfile(b -> b.userName(userName))));
            Future<List<Group>> groups = reads.submit(() -> iam.listGroupsForUser(b -> b.userName(userName)).groups());
            Future<List<String>> inline = reads.submit(() ->
                    iam.listUserPolicies(b -> b.userName(userName)).policyNames());
            Future<List<AttachedPolicy>> attached = reads.submit(() ->
                    iam.listAttachedUserPolicies(b -> b.userName(userName)).attachedPolicies());
            Future<List<MFADevice>> devices = reads.submit(() -> iam.listMFADevices(b -> b.userName(userName))
                    .mfaDevices());
            for (AccessKeyMetadata key : join(keys)) {
                if (key.status() == StatusType.ACTIVE) {
                    plan.add(keyDeactivated(userName, arn, key.accessKeyId()));
                }
            }
            if (join(password)) {
                plan.add(loginProfileDeleted(userName, arn));
            }
            for (AccessKeyMetadata key : join(keys)) {
                plan.add(keyDeleted(userName, arn, key.accessKeyId()));
            }
            for (Group group : join(groups)) {
                plan.add(groupLeft(userName, arn, group.groupName()));
            }
            for (String policy : join(inline)) {
                plan.add(inlinePolicyDeleted(userName, arn, policy));
            }
            for (AttachedPolicy policy : join(attached)) {
                plan.add(managedPolicyDetached(userName, arn, policy.policyArn()));
            }
            for (MFADevice device : join(devices)) {
                plan.add(mfaDeactivated(userName, arn, device.serialNumber()));
            }
            plan.add(keepUser ? userKept(userName, arn) : userDeleted(userName, arn));
        } catch (NoSuchEntityException gone) {
            return List.of();
        }
        return plan;
    }

    private static UserChange keyDeactivated(String userName, String arn, String keyId) {
        return UserChange.action(UserChange.KEY_DEACTIVATED, userName, arn, keyId,
                "deactivated access key " + keyId + " of " + userName);
    }

    private static UserChange keyDeleted(String userName, String arn, String keyId) {
        return UserChange.action(UserChange.KEY_DELETED, userName, arn, keyId,
                "deleted access key " + keyId + " of " + userName);
    }

    private static UserChange loginProfileDeleted(String userName, String arn) {
        return UserChange.action(UserChange.LOGIN_PROFILE_DELETED, userName, arn, "",
                "deleted the login profile of " + userName);
    }

    private static UserChange groupLeft(String userName, String arn, String group) {
        return UserChange.action(UserChange.GROUP_MEMBERSHIP_REMOVED, userName, arn, "",
                "removed " + userName + " from group " + group);
    }

    private static UserChange inlinePolicyDeleted(String userName, String arn, String policy) {
        return UserChange.action(UserChange.INLINE_POLICY_DELETED, userName, arn, "",
                "deleted inline policy " + policy + " of " + userName);
    }

    private static UserChange managedPolicyDetached(String userName, String arn, String policyArn) {
        return UserChange.action(UserChange.MANAGED_POLICY_DETACHED, userName, arn, "",
                "detached managed policy " + policyArn + " from " + userName);
    }

    private static UserChange mfaDeactivated(String userName, String arn, String serial) {
        return UserChange.action(UserChange.MFA_DEVICE_DEACTIVATED, userName, arn, "",
                "deactivated MFA device " + serial + " of " + userName);
    }

    private static UserChange userKept(String userName, String arn) {
        return UserChange.action(UserChange.USER_KEPT_OFFBOARDED, userName, arn, "",
                "kept user " + userName + " without credentials, tagged " + OFFBOARDED_TAG);
    }

    private static UserChange userDeleted(String userName, String arn) {
        return UserChange.action(UserChange.USER_DELETED, userName, arn, "", "deleted user " + userName);
    }

    /** Every role's tags are read, several at once. */
    @Override
    public List<String> rolesOwnedBy(String email) {
        List<Role> all = new ArrayList<>();
        iam.listRolesPaginator(b -> { }).roles().forEach(all::add);
        List<Boolean> owned = inParallel(all, role -> taggedWith(roleTags(role.roleName()), OWNER_TAG, email));
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (owned.get(i)) {
                roles.add(all.get(i).roleName());
            }
        }
        return roles;
    }

    @Override
    public List<String> flagOwnedRole(String roleName, Instant at) {
        try {
            iam.tagRole(b -> b.roleName(roleName).tags(
                    Tag.builder().key(OWNER_STATUS_TAG).value(OWNER_OFFBOARDED).build(),
                    Tag.builder().key(OWNER_STATUS_TAG + "-at").value(at.toString()).build()));
            return List.of("flagged role " + roleName + " for hand-over: its owner left");
        } catch (NoSuchEntityException gone) {
            return List.of("role " + roleName + " is gone");
        }
    }

    @Override
    public List<String> remainingReferences(String email, boolean keepUsers) {
        List<String> remaining = new ArrayList<>();
        for (String user : usersOf(email)) {
            if (!keepUsers) {
                remaining.add("IAM user " + user + " still exists");
                continue;
            }
            try {
                if (!iam.listAccessKeys(b -> b.userName(user)).accessKeyMetadata().isEmpty()) {
                    remaining.add("IAM user " + user + " still has access keys");
                }
                if (ignoreMissing(() -> iam.getLoginProfile(b -> b.userName(user)))) {
                    remaining.add("IAM user " + user + " still has a console password");
                }
                if (!iam.listGroupsForUser(b -> b.userName(user)).groups().isEmpty()) {
                    remaining.add("IAM user " + user + " is still in groups");
                }
                if (!iam.listUserPolicies(b -> b.userName(user)).policyNames().isEmpty()
                        || !iam.listAttachedUserPolicies(b -> b.userName(user)).attachedPolicies().isEmpty()) {
                    remaining.add("IAM user " + user + " still has policies");
                }
                if (!iam.listMFADevices(b -> b.userName(user)).mfaDevices().isEmpty()) {
                    remaining.add("IAM user " + user + " still has MFA devices");
                }
            } catch (NoSuchEntityException gone) {
                // deleted meanwhile: nothing left
            }
        }
        for (String role : rolesOwnedBy(email)) {
            if (!taggedWith(roleTags(role), OWNER_STATUS_TAG, OWNER_OFFBOARDED)) {
                remaining.add("role " + role + " owned by " + email + " is not flagged for hand-over");
            }
        }
        return remaining;
    }

    private List<Tag> userTags(String userName) {
        try {
            return iam.listUserTags(b -> b.userName(userName)).tags();
        } catch (NoSuchEntityException gone) {
            return List.of();
        }
    }

    private List<Tag> roleTags(String roleName) {
        try {
            return iam.listRoleTags(b -> b.roleName(roleName)).tags();
        } catch (NoSuchEntityException gone) {
            return List.of();
        }
    }

    private static boolean taggedWith(List<Tag> tags, String key, String value) {
        return tags.stream().anyMatch(t -> t.key().equals(key) && t.value().equalsIgnoreCase(value));
    }

    /** {@code read} applied to every item on the read pool; results in item order, the first failure rethrown. */
    private <T, R> List<R> inParallel(List<T> items, Function<T, R> read) {
        List<Future<R>> pending = new ArrayList<>(items.size());
        for (T item : items) {
            pending.add(reads.submit(() -> read.apply(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        try {
            for (Future<R> result : pending) {
                results.add(join(result));
            }
        } finally {
            pending.forEach(result -> result.cancel(false));
        }
        return results;
    }

    private static <R> R join(Future<R> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading IAM", e);
        }
    }

    /** Runs a call; false when the thing it acts on does not exist. */
    private static boolean ignoreMissing(Supplier<?> call) {
        try {
            call.get();
            return true;
        } catch (NoSuchEntityException missing) {
            return false;
        }
    }
}
