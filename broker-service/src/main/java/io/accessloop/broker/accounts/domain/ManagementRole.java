package io.accessloop.broker.accounts.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role the broker assumes in a member account for IAM calls there. Checked when the settings are read: a role in
 * another account than the one it is configured for would send revocations to the wrong account.
 */
public record ManagementRole(String accountId, String roleArn, Optional<String> externalId) {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[\\w-]*:iam::(\\d{12}):role/[\\w+=,.@/-]{1,512}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    public ManagementRole {
        String where = "accessloop.broker.accounts." + accountId;
        if (!ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException(where + ": the key must be a 12-digit account id");
        }
        Matcher m = ROLE_ARN.matcher(roleArn == null ? "" : roleArn);
        if (!m.matches()) {
            throw new IllegalArgumentException(where + ".management-role-arn '" + roleArn + "' is not an IAM role ARN");
        }
        if (!m.group(1).equals(accountId)) {
            throw new IllegalArgumentException(where + ".management-role-arn is in account " + m.group(1)
                    + ", not in " + accountId);
        }
        if (externalId.isPresent() && !EXTERNAL_ID.matcher(externalId.get()).matches()) {
            throw new IllegalArgumentException(where + ".external-id must be 2-1224 characters of [\\w+=,.@:/-]");
        }
    }

    /** The account of a role ARN ({@code arn:aws:iam::<account>:role/...}), or empty for anything else. */
    public static Optional<String> accountOf(String roleArn) {
        String[] parts = roleArn == null ? new String[0] : roleArn.split(":", 6);
        return parts.length == 6 && ACCOUNT.matcher(parts[4]).matches() ? Optional.of(parts[4]) : Optional.empty();
    }
}
