package io.accessloop.sandbox.control;

import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.engine.Sandbox;
import io.accessloop.sandbox.iam.IamSeeding;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named starting states of the account. {@code empty}: only AWS managed policies. {@code demo}: the problems
 * Accessloop exists to find (unused RDS write on a workload role that reads S3 daily, legacy users, an old key,
 * an unattached policy, an admin wildcard policy), entitlement roles that trust the broker, and an Access Analyzer
 * unused-access analyzer that reports them.
 */
public final class Scenarios {

    public static final Set<String> NAMES = Set.of("empty", "demo");

    /** The demo broker's fixed long-term key, so the local run can configure it. */
    public static final String BROKER_ACCESS_KEY_ID = "AKIAACCESSLOOPBROKER";
    public static final String BROKER_SECRET_ACCESS_KEY = "accessloop-demo-broker-secret-key-0000000";
    /**
     * The demo's IAM Access Analyzer unused-access analyzer. Its 40-day unused-access age reports the RDS write
     * last used 45 days ago, the never-used entitlement roles (60+ days old) and legacy-batch's key and password
     * (120 days), while the 30-day-old broker user is too young to judge.
     */
    public static final String UNUSED_ACCESS_ANALYZER = "accessloop-unused-access";
    public static final int UNUSED_ACCESS_AGE_DAYS = 40;

    private static final String S3_READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadReports\","
            + "\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],"
            + "\"Resource\":[\"arn:aws:s3:::acme-reports\",\"arn:aws:s3:::acme-reports/*\"]}]}";
    private static final String RDS_WRITE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ManageDatabase\","
            + "\"Effect\":\"Allow\",\"Action\":[\"rds:ModifyDBInstance\",\"rds:CreateDBSnapshot\","
            + "\"rds:DeleteDBSnapshot\",\"rds:RebootDBInstance\"],\"Resource\":\"*\"}]}";
    private static final String ADMIN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private Scenarios() {
    }

    /** Resets the account and seeds the scenario; returns a summary of what was created. */
    public static Map<String, Object> seed(Sandbox sandbox, String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown scenario '" + name + "'; known: " + NAMES);
        }
        sandbox.reset();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", name);
        if (name.equals("demo")) {
            demo(sandbox, summary);
        }
        return summary;
    }

    private static String trustBroker(String account, boolean sourceIdentityAndTags) {
        String actions = sourceIdentityAndTags ? "[\"sts:AssumeRole\",\"sts:SetSourceIdentity\",\"sts:TagSession\"]"
                : "\"sts:AssumeRole\"";
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + account + ":user/accessloop-broker\"},\"Action\":" + actions + "}]}";
    }

    private static String trustService(String service) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                + service + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    private static void demo(Sandbox sandbox, Map<String, Object> summary) {
        String account = sandbox.settings().accountId();
        Instant now = sandbox.clock().now();
        IamSeeding seed = new IamSeeding(sandbox.iamStore(), now);
        Instant longAgo = now.minus(Duration.ofDays(400));

        seed.user("accessloop-broker", now.minus(Duration.ofDays(30)), Map.of("accessloop:managed", "true"));
        seed.userPolicy("accessloop-broker", "broker", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"IssueSessions\",\"Effect\":\"Allow\",\"Action\":[\"sts:AssumeRole\","
                + "\"sts:SetSourceIdentity\",\"sts:TagSession\"],\"Resource\":\"arn:aws:iam::" + account
                + ":role/*\"},{\"Sid\":\"Revoke\",\"Effect\":\"Allow\",\"Action\":[\"iam:GetRole\","
                + "\"iam:ListRolePolicies\",\"iam:GetRolePolicy\",\"iam:PutRolePolicy\",\"iam:DeleteRolePolicy\"],"
                + "\"Resource\":\"arn:aws:iam::" + account + ":role/*\"}]}");
        seed.accessKey("accessloop-broker", BROKER_ACCESS_KEY_ID, BROKER_SECRET_ACCESS_KEY,
                now.minus(Duration.ofDays(30)), null, null, null);

        seed.role("entitlement-reports-read", "/accessloop/", trustBroker(account, true), 43_200,
                now.minus(Duration.ofDays(60)), "Read the reports bucket", Map.of("accessloop:entitlement", "reports-read"));
        seed.rolePolicy("entitlement-reports-read", "s3-read", S3_READ);
        seed.role("entitlement-prod-db-admin", "/accessloop/", trustBroker(account, true), 3600,
                now.minus(Duration.ofDays(60)), "Administer the production database",
                Map.of("accessloop:entitlement", "prod-db-admin"));
        seed.rolePolicy("entitlement-prod-db-admin", "rds-write", RDS_WRITE);
        seed.role("entitlement-legacy-support", "/accessloop/", trustBroker(account, false), 3600,
                now.minus(Duration.ofDays(200)), "Trusts the broker without SetSourceIdentity/TagSession",
                Map.of("accessloop:entitlement", "legacy-support"));
        seed.rolePolicy("entitlement-legacy-support", "s3-read", S3_READ);

        seed.role("workload-reporting", "/", trustService("ec2.amazonaws.com"), 3600, now.minus(Duration.ofDays(180)),
                "Nightly reporting job: reads S3 daily, has RDS write it has not used for weeks",
                Map.of("team", "analytics"));
        seed.rolePolicy("workload-reporting", "s3-read", S3_READ);
        seed.rolePolicy("workload-reporting", "rds-write", RDS_WRITE);
        seed.role("workload-ingest", "/", trustService("lambda.amazonaws.com"), 3600, now.minus(Duration.ofDays(90)),
                "Ingest function: writes to the landing bucket", Map.of("team", "data"));
        seed.rolePolicy("workload-ingest", "s3-write", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":[\"s3:PutObject\",\"s3:GetObject\"],\"Resource\":"
                + "\"arn:aws:s3:::acme-landing/*\"},{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\","
                + "\"Resource\":\"*\"}]}");

        seed.user("legacy-batch", longAgo, Map.of("owner", "former-employee@example.com"));
        seed.loginProfile("legacy-batch", longAgo, now.minus(Duration.ofDays(120)));
        seed.accessKey("legacy-batch", "AKIADEMOLEGACYBATCH1", "demo-legacy-batch-secret-000000000000000",
                longAgo, now.minus(Duration.ofDays(120)), "s3", "us-east-1");
        seed.userPolicy("legacy-batch", "s3-read", S3_READ);
        seed.user("legacy-ops", longAgo, Map.of("owner", "ops@example.com"));
        seed.accessKey("legacy-ops", "AKIADEMOLEGACYOPS001", "demo-legacy-ops-secret-00000000000000000",
                longAgo, now.minus(Duration.ofDays(1)), "iam", "us-east-1");
        seed.group("ops-admins", longAgo);
        seed.member("ops-admins", "legacy-ops");
        String adminPolicy = seed.policy("ops-admin-wildcard", ADMIN, "Everything, everywhere", longAgo);
        seed.attachToGroup("ops-admins", adminPolicy);
        String unattached = seed.policy("legacy-s3-full-access", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}", "No longer attached anywhere",
                longAgo);

        int events = history(sandbox, now);
        String analyzerArn = sandbox.accessAnalyzer().create(UNUSED_ACCESS_ANALYZER, UNUSED_ACCESS_AGE_DAYS, now);

        summary.put("brokerUserArn", "arn:aws:iam::" + account + ":user/accessloop-broker");
        summary.put("brokerAccessKeyId", BROKER_ACCESS_KEY_ID);
        summary.put("entitlementRoles", List.of("arn:aws:iam::" + account + ":role/accessloop/entitlement-reports-read",
                "arn:aws:iam::" + account + ":role/accessloop/entitlement-prod-db-admin",
                "arn:aws:iam::" + account + ":role/accessloop/entitlement-legacy-support"));
        summary.put("workloadRoles", List.of("arn:aws:iam::" + account + ":role/workload-reporting",
                "arn:aws:iam::" + account + ":role/workload-ingest"));
        summary.put("legacyUsers", List.of("legacy-batch", "legacy-ops"));
        summary.put("adminWildcardPolicy", adminPolicy);
        summary.put("unattachedPolicy", unattached);
        summary.put("simulatedEvents", events);
        summary.put("unusedAccessAnalyzerArn", analyzerArn);
    }

    /** 30 days of workload history: reporting reads S3 daily, used RDS write last 45 days ago; ingest writes. */
    private static int history(Sandbox sandbox, Instant now) {
        int events = 0;
        Caller reporting = DemoActivity.workloadSession(sandbox, "workload-reporting", "i-0a1b2c3d4e5f60718");
        Caller ingest = DemoActivity.workloadSession(sandbox, "workload-ingest", "ingest-function");
        Instant rdsUse = now.minus(Duration.ofDays(45));
        WorkloadCall.perform(sandbox, reporting, "rds:CreateDBSnapshot", "CreateDBSnapshot", "*", rdsUse,
                "us-east-1", "10.0.1.15", Map.of("dBInstanceIdentifier", "reporting-db"), Map.of());
        events++;
        for (int day = 30; day >= 1; day--) {
            Instant t = now.minus(Duration.ofDays(day)).plus(Duration.ofHours(2));
            events += DemoActivity.round(sandbox, reporting, ingest, t);
        }
        return events;
    }
}
