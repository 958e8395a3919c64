package io.accessloop.drift.aws;

import io.accessloop.drift.remediation.domain.RemediationAction;
import io.accessloop.drift.remediation.domain.RemediationAction.DeactivateAccessKey;
import io.accessloop.drift.remediation.domain.RemediationAction.DetachPolicy;
import io.accessloop.drift.remediation.domain.RemediationResult;
import io.accessloop.drift.remediation.domain.Remediator;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;

import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link Remediator} over IAM: looks first whether the thing to undo is still there (List*Policies, ListAccessKeys),
 * then detaches the policy or sets the key inactive. Running it twice does nothing the second time.
 */
@ApplicationScoped
public class IamRemediator implements Remediator {

    private final AccountClients accounts;

    IamRemediator(AccountClients accounts) {
        this.accounts = accounts;
    }

    @Override
    public RemediationResult apply(String accountId, RemediationAction action) {
        IamClient iam = accounts.iam(accountId);
        try {
            if (action instanceof DetachPolicy detach) {
                return detach(iam, detach);
            }
            return deactivate(iam, (DeactivateAccessKey) action);
        } catch (NoSuchEntityException e) {
            return RemediationResult.notNeeded("the principal no longer exists");
        }
    }

    private static RemediationResult detach(IamClient iam, DetachPolicy action) {
        String name = action.principalName();
        String policy = action.policyArn();
        Stream<AttachedPolicy> attached = switch (action.principalKind()) {
            case ROLE -> iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies().stream();
            case USER -> iam.listAttachedUserPoliciesPaginator(r -> r.userName(name)).attachedPolicies().stream();
            case GROUP -> iam.listAttachedGroupPoliciesPaginator(r -> r.groupName(name)).attachedPolicies().stream();
        };
        if (attached.noneMatch(p -> policy.equals(p.policyArn()))) {
            return RemediationResult.notNeeded("the policy is no longer attached");
        }
        switch (action.principalKind()) {
            case ROLE -> iam.detachRolePolicy(r -> r.roleName(name).policyArn(policy));
            case USER -> iam.detachUserPolicy(r -> r.userName(name).policyArn(policy));
            case GROUP -> iam.detachGroupPolicy(r -> r.groupName(name).policyArn(policy));
        }
        return RemediationResult.done();
    }

    private static RemediationResult deactivate(IamClient iam, DeactivateAccessKey action) {
        List<AccessKeyMetadata> keys = iam.listAccessKeys(r -> r.userName(action.userName())).accessKeyMetadata()
                .stream().sorted(Comparator.comparing(AccessKeyMetadata::createDate)).toList();
        Optional<AccessKeyMetadata> key = action.createdAt() != null
                ? keys.stream().filter(k -> k.createDate().truncatedTo(ChronoUnit.SECONDS)
                        .equals(action.createdAt().truncatedTo(ChronoUnit.SECONDS))).findFirst()
                : keys.size() >= action.slot() ? Optional.of(keys.get(action.slot() - 1)) : Optional.empty();
        if (key.isEmpty()) {
            return RemediationResult.notNeeded("the access key no longer exists");
        }
        if (key.get().status() != StatusType.ACTIVE) {
            return RemediationResult.notNeeded("the access key is already inactive");
        }
        iam.updateAccessKey(r -> r.userName(action.userName()).accessKeyId(key.get().accessKeyId())
                .status(StatusType.INACTIVE));
        return RemediationResult.done();
    }
}
