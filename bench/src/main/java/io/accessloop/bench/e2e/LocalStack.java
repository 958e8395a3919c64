package io.accessloop.bench.e2e;

import java.net.URI;

/** Where the local run ({@code deploy/run.sh}) listens, and the demo secrets it configures. */
public record LocalStack(URI broker, URI drift, URI lifecycle, URI portal, URI sandbox, URI keycloak, String jdbcHost) {

    public static final String INGEST_KEY = "local-demo-ingest-key";
    public static final String INGEST_HEADER = "x-accessloop-api-key";
    public static final String HR_SECRET = "local-demo-hr-webhook-secret";
    public static final String BROKER_KEY = "AKIAACCESSLOOPBROKER";
    public static final String BROKER_SECRET = "accessloop-demo-broker-secret-key-0000000";
    public static final String ACCOUNT = "000000000000";
    public static final String REPORTS_ROLE = "arn:aws:iam::000000000000:role/accessloop/entitlement-reports-read";
    public static final String DB_ADMIN_ROLE = "arn:aws:iam::000000000000:role/accessloop/entitlement-prod-db-admin";

    public static LocalStack localhost() {
        return new LocalStack(URI.create("http://localhost:8081"), URI.create("http://localhost:8082"),
                URI.create("http://localhost:8083"), URI.create("http://localhost:8080"),
                URI.create("http://localhost:4566"), URI.create("http://localhost:8180"), "localhost:5432");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + jdbcHost + "/" + database;
    }
}
