package io.accessloop.drift.accounts.domain;

import java.util.Optional;

/**
 * An AWS account drift watches. {@code roleArn} is the role drift assumes there for its IAM, Config and CloudTrail
 * calls; without one, drift's own credentials are used (its own account). The implicit account
 * {@link Accounts#DEFAULT} stands for "whatever account drift's credentials belong to".
 */
public record Account(String id, Optional<String> roleArn, Optional<String> externalId, String sessionName) {

    public Account {
        if (id == null || !(id.matches("\\d{12}") || Accounts.DEFAULT.equals(id))) {
            throw new IllegalArgumentException("account id must be 12 digits: " + id);
        }
        roleArn = roleArn == null ? Optional.empty() : roleArn.filter(r -> !r.isBlank());
        externalId = externalId == null ? Optional.empty() : externalId.filter(e -> !e.isBlank());
        if (roleArn.isPresent() && !roleArn.get().matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+")) {
            throw new IllegalArgumentException("role-arn of account " + id + " is not an IAM role ARN: " + roleArn.get());
        }
        if (externalId.isPresent() && roleArn.isEmpty()) {
            throw new IllegalArgumentException("external-id of account " + id + " needs a role-arn");
        }
        if (sessionName == null || !sessionName.matches("[\\w+=,.@-]{2,64}")) {
            throw new IllegalArgumentException("session-name of account " + id + " must be 2-64 of [\\w+=,.@-]");
        }
    }

    public static Account of(String id) {
        return new Account(id, Optional.empty(), Optional.empty(), "accessloop-drift");
    }
}
