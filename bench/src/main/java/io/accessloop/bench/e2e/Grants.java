package io.accessloop.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.util.Map;

/** A grant of alice's on {@code reports-read} (approved automatically) with its live session credentials. */
record Grants(String grantId, AwsSessionCredentials credentials) {

    static Grants aliceReportsRead(Context ctx, String reason) {
        String alice = ctx.tokens.of("alice");
        JsonNode request = ctx.http.postJson(ctx.stack.broker().resolve("/api/v1/requests"), alice,
                Map.of("entitlement", "reports-read", "reason", reason, "durationSeconds", 3600), 201);
        String grant = request.path("grantId").asText("");
        if (!grant.startsWith("grt_")) {
            throw new IllegalStateException("reports-read was not approved automatically: " + request);
        }
        JsonNode c = ctx.http.postJson(ctx.stack.broker().resolve("/api/v1/grants/" + grant + "/credentials"), alice,
                null, 200);
        AwsSessionCredentials session = AwsSessionCredentials.create(c.get("AccessKeyId").asText(),
                c.get("SecretAccessKey").asText(), c.get("SessionToken").asText());
        if (!ctx.aws.works(session) || ctx.aws.deniedExplicitly(session, LocalStack.REPORTS_ROLE)) {
            throw new IllegalStateException("fresh credentials of " + grant + " do not work");
        }
        return new Grants(grant, session);
    }
}
