package io.accessloop.bench.policy;

import io.accessloop.iam.eval.AuthorizationRequest;
import io.accessloop.iam.eval.RequestContext;
import io.accessloop.iam.minimise.UsedPermission;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyParser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Realistic role policies of a chosen size: service-scoped statements, wildcards, a condition, a deny. */
public final class RolePolicies {

    public static final String[] SERVICES = {"s3", "dynamodb", "sqs", "sns", "lambda", "kms", "logs", "cloudwatch", "ec2", "rds"};
    public static final String[] VERBS = {"Get", "List", "Describe", "Put", "Create", "Delete", "Update", "Tag"};

    private RolePolicies() {
    }

    /**
     * {@code count} distinct permissions seen in use by the payments team against a {@link #parsed(int) 50-statement
     * role}: spread over its first 40 statements, skipping those {@code statement % 17 == 16} (never used).
     */
    public static Set<UsedPermission> usedPermissions(int count) {
        Set<UsedPermission> used = new HashSet<>();
        RequestContext paymentsTeam = RequestContext.builder()
                .putTags("aws:PrincipalTag/", Map.of("team", "payments")).build();
        for (int i = 0; used.size() < count; i++) {
            int statement = i % 40;
            if (statement % 17 == 16) {
                continue;
            }
            String service = SERVICES[statement % SERVICES.length];
            String verb = VERBS[(statement / SERVICES.length) % VERBS.length];
            used.add(new UsedPermission(service + ":" + verb + "Thing" + (i % 7),
                    "arn:aws:" + service + ":us-east-1:111122223333:res-" + statement + "/obj-" + i, paymentsTeam));
        }
        return used;
    }

    /** JSON of an identity policy with {@code statements} statements. */
    public static String json(int statements) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < statements; i++) {
            String service = SERVICES[i % SERVICES.length];
            String verb = VERBS[(i / SERVICES.length) % VERBS.length];
            String effect = isDeny(i) ? "Deny" : "Allow";
            out.add(String.format(Locale.ROOT, """
                    {"Sid":"S%d","Effect":"%s","Action":["%s:%s*","%s:%sItem%d"],\
                    "Resource":["arn:aws:%s:us-east-1:111122223333:res-%d/*"],\
                    "Condition":{"StringEquals":{"aws:PrincipalTag/team":["payments","platform"]}}}""",
                    i, effect, service, verb, service, verb, i, service, i));
        }
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", out) + "]}";
    }

    /** Every 17th statement denies, so that evaluation also walks deny statements. */
    static boolean isDeny(int statement) {
        return statement % 17 == 16;
    }

    /** The last statement that allows: requests matching only it make the evaluator read the whole policy. */
    public static int lastAllowStatement(int statements) {
        int last = statements - 1;
        while (isDeny(last)) {
            last--;
        }
        return last;
    }

    public static PolicyDocument parsed(int statements) {
        return PolicyParser.parse(json(statements));
    }

    /** A request only the last allowing statement grants, so evaluation has to walk the whole policy. */
    public static AuthorizationRequest lastStatementRequest(int statements) {
        int last = lastAllowStatement(statements);
        String service = SERVICES[last % SERVICES.length];
        String verb = VERBS[(last / SERVICES.length) % VERBS.length];
        return new AuthorizationRequest("arn:aws:sts::111122223333:assumed-role/app/alice",
                service + ":" + verb + "Thing", "arn:aws:" + service + ":us-east-1:111122223333:res-" + last + "/x",
                RequestContext.builder().putTags("aws:PrincipalTag/", Map.of("team", "payments")).build());
    }
}
