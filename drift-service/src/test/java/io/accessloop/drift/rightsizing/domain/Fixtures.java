package io.accessloop.drift.rightsizing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The demo's reporting role and its usage, as plain values. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    static final String ROLE = "arn:aws:iam::000000000000:role/workload-reporting";
    static final String S3_READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadReports\",\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],"
            + "\"Resource\":[\"arn:aws:s3:::acme-reports\",\"arn:aws:s3:::acme-reports/*\"]}]}";
    static final String RDS_WRITE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ManageDatabase\",\"Effect\":\"Allow\","
            + "\"Action\":[\"rds:ModifyDBInstance\",\"rds:CreateDBSnapshot\",\"rds:DeleteDBSnapshot\",\"rds:RebootDBInstance\"],"
            + "\"Resource\":\"*\"}]}";

    private Fixtures() {
    }

    static PrincipalPermissions reporting(List<PrincipalPermissions.ManagedPolicy> managed) {
        return new PrincipalPermissions(ROLE, "role", "workload-reporting", NOW.minus(Duration.ofDays(180)), Map.of(),
                List.of(new PrincipalPermissions.InlinePolicy("s3-read", S3_READ),
                        new PrincipalPermissions.InlinePolicy("rds-write", RDS_WRITE)), managed, null, null);
    }

    static List<UsedAction> dailyS3Reads() {
        return List.of(new UsedAction("s3:ListBucket", "arn:aws:s3:::acme-reports", 30, NOW.minus(Duration.ofDays(1))),
                new UsedAction("s3:GetObject", "arn:aws:s3:::acme-reports/daily/report.csv", 30,
                        NOW.minus(Duration.ofDays(1))));
    }

    static PlanRequest request(PrincipalPermissions p, List<UsedAction> usage, int windowDays, Set<String> pinned) {
        return new PlanRequest(p, usage, Map.of("rds:CreateDBSnapshot", NOW.minus(Duration.ofDays(45)),
                "s3:GetObject", NOW.minus(Duration.ofDays(1))), List.of(), pinned, Duration.ofDays(windowDays), NOW,
                NOW.minus(Duration.ofDays(90)), false);
    }
}
