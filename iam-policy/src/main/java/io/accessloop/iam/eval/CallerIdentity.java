package io.accessloop.iam.eval;

import io.accessloop.iam.policy.Arn;
import java.util.Optional;

/**
 * What a request's principal is, as far as principal matching and the same-account rules need it. A session of
 * a role ({@code arn:aws:sts::111122223333:assumed-role/app/alice}) also carries its role ARN, taken from
 * {@code aws:PrincipalArn} when the context has it (it keeps the role's path) and built from the session ARN
 * otherwise.
 */
record CallerIdentity(Kind kind, String arn, String account, String partition, String roleArn) {

    enum Kind {
        ROOT,
        USER,
        ROLE,
        ROLE_SESSION,
        FEDERATED_USER,
        /** A service principal ({@code ec2.amazonaws.com}) or an identity provider: no account of its own. */
        NON_ACCOUNT
    }

    static CallerIdentity of(String principalArn, RequestContext context) {
        Optional<Arn> parsed = Arn.tryParse(principalArn);
        if (parsed.isEmpty() || parsed.get().account().isEmpty()) {
            return new CallerIdentity(Kind.NON_ACCOUNT, principalArn, null, null, null);
        }
        Arn arn = parsed.get();
        String type = arn.resourceType();
        if (arn.service().equals("sts") && type.equals("assumed-role")) {
            String id = arn.resourceId();
            int slash = id.indexOf('/');
            String roleName = slash < 0 ? id : id.substring(0, slash);
            String roleArn = context.single("aws:PrincipalArn");
            if (roleArn == null || roleArn.equals(principalArn)) {
                roleArn = "arn:" + arn.partition() + ":iam::" + arn.account() + ":role/" + roleName;
            }
            return new CallerIdentity(Kind.ROLE_SESSION, principalArn, arn.account(), arn.partition(), roleArn);
        }
        Kind kind = switch (type) {
            case "root" -> Kind.ROOT;
            case "user" -> Kind.USER;
            case "role" -> Kind.ROLE;
            case "federated-user" -> Kind.FEDERATED_USER;
            default -> Kind.USER;
        };
        return new CallerIdentity(kind, principalArn, arn.account(), arn.partition(), null);
    }

    boolean hasAccount() {
        return account != null;
    }

    String rootArn() {
        return "arn:" + partition + ":iam::" + account + ":root";
    }
}
