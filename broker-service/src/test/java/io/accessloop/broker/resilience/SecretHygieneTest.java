package io.accessloop.broker.resilience;

import io.accessloop.broker.Api;
import io.accessloop.broker.SandboxAccount;
import io.accessloop.testsupport.PostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.accessloop.broker.Api.ALICE;
import static io.accessloop.broker.Api.BOB;
import static io.accessloop.broker.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Secret hygiene after the whole flow (request → approval → credentials in both formats → console sign-in → revoke):
 * the issued secret access keys, session tokens and the console sign-in token appear in no log line, no outbox event
 * and no row of any table of the broker's database.
 */
@QuarkusTest
class SecretHygieneTest {

    private final List<String> logLines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName()).append(' ').append(record.getMessage())
                    .append(' ').append(Arrays.toString(record.getParameters()));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(' ').append(trace);
            }
            synchronized (logLines) {
                logLines.add(line.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureEverything() {
        SandboxAccount.ensureRoles();
        Faults.clear();
        Logger accessloop = Logger.getLogger("io.accessloop");
        previousLevel = accessloop.getLevel();
        accessloop.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("io.accessloop").setLevel(previousLevel);
    }

    @Test
    void noIssuedSecretIsInAnyLogLineEventOrTable() {
        String request = Api.submit(ALICE, "prod-readonly", "secret hygiene drill").statusCode(201).extract().path("id");
        String grant = Api.approve(BOB, request).statusCode(200).extract().path("grantId");
        JsonPath process = as(ALICE).post("/api/v1/grants/" + grant + "/credentials").then().statusCode(200)
                .extract().jsonPath();
        String env = as(ALICE).post("/api/v1/grants/" + grant + "/credentials?format=env").then().statusCode(200)
                .extract().asString();
        String console = as(ALICE).get("/api/v1/grants/" + grant + "/console").then().statusCode(200)
                .extract().path("url");
        as(BOB).body(Map.of("reason", "drill over")).post("/api/v1/grants/" + grant + "/revoke").then()
                .statusCode(200).body("status", equalTo("REVOKED"));

        List<String> secrets = new ArrayList<>(List.of(process.getString("SecretAccessKey"),
                process.getString("SessionToken"), envValue(env, "AWS_SECRET_ACCESS_KEY"),
                envValue(env, "AWS_SESSION_TOKEN"), signinToken(console)));
        assertThat(secrets).doesNotContainNull().allMatch(s -> s.length() >= 16);
        String accessKeyId = process.getString("AccessKeyId");

        Map<String, String> rows = everyRowOfEveryTable();
        assertThat(rows.keySet()).as("the scan reads the broker's tables")
                .contains("access_request", "access_grant", "outbox_event", "revocation_entry");
        assertThat(rows.get("outbox_event")).as("the scan finds what is there: the key id is in credentials.issued")
                .contains(accessKeyId);
        synchronized (logLines) {
            assertThat(logLines).as("the capture sees the broker's own lines").anyMatch(l -> l.contains("io.accessloop"));
        }
        for (String secret : secrets) {
            rows.forEach((table, text) -> assertThat(text).as("table %s", table).doesNotContain(secret));
            synchronized (logLines) {
                assertThat(logLines).noneMatch(line -> line.contains(secret));
            }
        }
    }

    private static String envValue(String env, String name) {
        return env.lines().filter(l -> l.startsWith("export " + name + "=")).findFirst()
                .map(l -> l.substring(("export " + name + "=").length()).replace("'", "").replace("\"", ""))
                .orElse(null);
    }

    private static String signinToken(String url) {
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            if (pair.startsWith("SigninToken=")) {
                return URLDecoder.decode(pair.substring("SigninToken=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Every row of every table in the broker's database, each table's rows as one text. */
    private static Map<String, String> everyRowOfEveryTable() {
        PostgresResource.Server server = PostgresResource.server();
        Map<String, String> tables = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port()
                + "/broker", server.user(), server.password())) {
            List<String> names = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select table_schema || '.' || table_name, table_name "
                    + "from information_schema.tables where table_type = 'BASE TABLE' "
                    + "and table_schema not in ('pg_catalog', 'information_schema')");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String qualified : names) {
                String[] parts = qualified.split("\\.", 2);
                StringBuilder text = new StringBuilder();
                try (PreparedStatement s = c.prepareStatement("select t::text from \"" + parts[0] + "\".\"" + parts[1]
                        + "\" t"); ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        text.append(rs.getString(1)).append('\n');
                    }
                }
                tables.put(parts[1], text.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }
}
