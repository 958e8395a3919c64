package io.accessloop.iam.eval;

import io.accessloop.iam.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The policies that bear on one request. Session policies and the permissions boundary only limit: when present,
 * an action must be allowed by them too. {@code resourceAccount} is the account owning the resource; when
 * {@code null} it is taken from the resource ARN and, for ARNs without an account (S3), assumed to be the
 * principal's own account.
 */
public record PolicySet(
        List<NamedPolicy> identityPolicies,
        List<NamedPolicy> sessionPolicies,
        NamedPolicy permissionsBoundary,
        List<NamedPolicy> resourcePolicies,
        String resourceAccount) {

    public PolicySet {
        identityPolicies = List.copyOf(identityPolicies);
        sessionPolicies = List.copyOf(sessionPolicies);
        resourcePolicies = List.copyOf(resourcePolicies);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Only identity policies, named {@code identity-1}, {@code identity-2}, ... */
    public static PolicySet ofIdentity(PolicyDocument... documents) {
        Builder b = builder();
        for (PolicyDocument d : documents) {
            b.identity(d);
        }
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.identity.addAll(identityPolicies);
        b.session.addAll(sessionPolicies);
        b.boundary = permissionsBoundary;
        b.resource.addAll(resourcePolicies);
        b.resourceAccount = resourceAccount;
        return b;
    }

    public static final class Builder {
        private final List<NamedPolicy> identity = new ArrayList<>();
        private final List<NamedPolicy> session = new ArrayList<>();
        private NamedPolicy boundary;
        private final List<NamedPolicy> resource = new ArrayList<>();
        private String resourceAccount;

        private Builder() {
        }

        public Builder identity(NamedPolicy policy) {
            identity.add(policy);
            return this;
        }

        public Builder identity(String name, PolicyDocument document) {
            return identity(NamedPolicy.of(name, document));
        }

        public Builder identity(PolicyDocument document) {
            return identity("identity-" + (identity.size() + 1), document);
        }

        public Builder session(NamedPolicy policy) {
            session.add(policy);
            return this;
        }

        public Builder session(PolicyDocument document) {
            return session(NamedPolicy.of("session-" + (session.size() + 1), document));
        }

        public Builder permissionsBoundary(NamedPolicy policy) {
            this.boundary = policy;
            return this;
        }

        public Builder permissionsBoundary(PolicyDocument document) {
            return permissionsBoundary(NamedPolicy.of("permissions-boundary", document));
        }

        public Builder resource(NamedPolicy policy) {
            resource.add(policy);
            return this;
        }

        public Builder resource(PolicyDocument document) {
            return resource(NamedPolicy.of("resource-" + (resource.size() + 1), document));
        }

        public Builder resourceAccount(String account) {
            this.resourceAccount = account;
            return this;
        }

        public PolicySet build() {
            return new PolicySet(identity, session, boundary, resource, resourceAccount);
        }
    }
}
