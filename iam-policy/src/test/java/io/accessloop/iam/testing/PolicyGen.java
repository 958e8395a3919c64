package io.accessloop.iam.testing;

import io.accessloop.iam.policy.Condition;
import io.accessloop.iam.policy.Effect;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** Generators of policies and requests over a small universe, so that random policies often overlap. */
public final class PolicyGen {

    public static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket",
            "s3:DeleteObject", "ec2:DescribeInstances", "ec2:StartInstances", "iam:PassRole", "sqs:SendMessage");
    public static final List<String> ACTION_PATTERNS = List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket",
            "s3:Get*", "s3:*", "ec2:Describe*", "ec2:StartInstances", "iam:PassRole", "s3:?etObject", "*",
            "sqs:SendMessage", "S3:getobject");
    public static final List<String> RESOURCES = List.of("arn:aws:s3:::alpha", "arn:aws:s3:::alpha/report.csv",
            "arn:aws:s3:::alpha/logs/a.log", "arn:aws:s3:::beta/x", "arn:aws:ec2:eu-west-1:111122223333:instance/i-1",
            "arn:aws:iam::111122223333:role/app");
    public static final List<String> RESOURCE_PATTERNS = List.of("*", "arn:aws:s3:::alpha", "arn:aws:s3:::alpha/*",
            "arn:aws:s3:::alpha/logs/*", "arn:aws:s3:::beta/?", "arn:aws:s3:::*",
            "arn:aws:ec2:*:111122223333:instance/*", "arn:aws:iam::111122223333:role/app");
    public static final List<Condition> CONDITIONS = List.of(
            Condition.of("StringEquals", "aws:PrincipalTag/team", "red"),
            Condition.of("StringNotEquals", "aws:PrincipalTag/team", "blue"),
            Condition.of("Bool", "aws:MultiFactorAuthPresent", "true"),
            Condition.of("IpAddress", "aws:SourceIp", "10.0.0.0/8"),
            Condition.of("StringLikeIfExists", "aws:SourceIdentity", "*@example.com"));

    private PolicyGen() {
    }

    public static Gen<PolicyDocument> documents() {
        return in -> {
            int n = between(in, 1, 4);
            List<Statement> statements = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                statements.add(statement(in, between(in, 0, 3) == 0 ? Effect.DENY : Effect.ALLOW, i));
            }
            return new PolicyDocument(PolicyDocument.VERSION_2012, null, statements);
        };
    }

    /** Documents made only of Allow statements without conditions, the shape right-sizing works on. */
    public static Gen<PolicyDocument> allowOnlyDocuments() {
        return in -> {
            int n = between(in, 1, 3);
            List<Statement> statements = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Statement.Builder b = Statement.allow();
                b.actions(pickSome(in, ACTION_PATTERNS, 1, 3));
                b.resources(pickSome(in, RESOURCE_PATTERNS, 1, 2));
                statements.add(b.build());
            }
            return PolicyDocument.of(statements);
        };
    }

    public static Gen<Statement> denyStatements() {
        return in -> statement(in, Effect.DENY, 99);
    }

    private static Statement statement(RandomnessSource in, Effect effect, int index) {
        Statement.Builder b = Statement.builder(effect);
        if (between(in, 0, 1) == 0) {
            b.sid("S" + index);
        }
        if (between(in, 0, 5) == 0) {
            b.notActions(pickSome(in, ACTION_PATTERNS, 1, 2).toArray(String[]::new));
        } else {
            b.actions(pickSome(in, ACTION_PATTERNS, 1, 3));
        }
        if (between(in, 0, 6) == 0) {
            b.notResources(pickSome(in, RESOURCE_PATTERNS, 1, 2).toArray(String[]::new));
        } else {
            b.resources(pickSome(in, RESOURCE_PATTERNS, 1, 2));
        }
        if (between(in, 0, 2) == 0) {
            b.condition(CONDITIONS.get(between(in, 0, CONDITIONS.size() - 1)));
        }
        return b.build();
    }

    public static int between(RandomnessSource in, int min, int max) {
        return (int) in.next(Constraint.between(min, max));
    }

    public static <T> T pick(RandomnessSource in, List<T> values) {
        return values.get(between(in, 0, values.size() - 1));
    }

    public static <T> List<T> pickSome(RandomnessSource in, List<T> values, int min, int max) {
        int n = between(in, min, max);
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            T v = pick(in, values);
            if (!picked.contains(v)) {
                picked.add(v);
            }
        }
        return picked;
    }
}
