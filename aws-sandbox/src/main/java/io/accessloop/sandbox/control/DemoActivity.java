package io.accessloop.sandbox.control;

import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.engine.Sandbox;
import io.accessloop.sandbox.iam.Role;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The steady activity of the demo's workload roles (one round = what they do in a day). */
public final class DemoActivity {

    private DemoActivity() {
    }

    static Caller workloadSession(Sandbox sandbox, String roleName, String sessionName) {
        Role role = sandbox.iamStore().read(() -> sandbox.iamStore().findRole(roleName));
        if (role == null) {
            return null;
        }
        String account = sandbox.settings().accountId();
        return new Caller(Caller.Type.ASSUMED_ROLE, account, "arn:aws:sts::" + account + ":assumed-role/" + roleName
                + "/" + sessionName, role.id() + ":" + sessionName, "ASIADEMO" + role.id().substring(4, 16),
                null, roleName, role.arn(), role.id(), sessionName, null, Map.of(), Set.of(),
                sandbox.clock().now(), List.of(), List.of(), false, false);
    }

    /** One round of workload calls at the given time; returns how many calls were recorded. */
    public static int round(Sandbox sandbox, Instant when) {
        return round(sandbox, workloadSession(sandbox, "workload-reporting", "i-0a1b2c3d4e5f60718"),
                workloadSession(sandbox, "workload-ingest", "ingest-function"), when);
    }

    static int round(Sandbox sandbox, Caller reporting, Caller ingest, Instant when) {
        int events = 0;
        if (reporting != null) {
            WorkloadCall.perform(sandbox, reporting, "s3:ListBucket", "ListObjects", "arn:aws:s3:::acme-reports",
                    when, "us-east-1", "10.0.1.15", Map.of("bucketName", "acme-reports"), Map.of());
            WorkloadCall.perform(sandbox, reporting, "s3:GetObject", "GetObject",
                    "arn:aws:s3:::acme-reports/daily/report.csv", when.plusSeconds(5), "us-east-1", "10.0.1.15",
                    Map.of("bucketName", "acme-reports", "key", "daily/report.csv"), Map.of());
            events += 2;
        }
        if (ingest != null) {
            WorkloadCall.perform(sandbox, ingest, "s3:PutObject", "PutObject", "arn:aws:s3:::acme-landing/in/batch.json",
                    when.plusSeconds(60), "us-east-1", "10.0.2.20",
                    Map.of("bucketName", "acme-landing", "key", "in/batch.json"), Map.of());
            WorkloadCall.perform(sandbox, ingest, "sqs:SendMessage", "SendMessage", "*", when.plusSeconds(61),
                    "us-east-1", "10.0.2.20", Map.of("queueUrl", "https://sqs.us-east-1.amazonaws.com/landing"),
                    Map.of());
            events += 2;
        }
        return events;
    }
}
