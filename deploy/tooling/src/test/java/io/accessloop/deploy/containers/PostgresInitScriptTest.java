package io.accessloop.deploy.containers;

import io.accessloop.deploy.support.Repository;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The init script the postgres image runs on an empty volume (compose, and the local Kubernetes overlay's copy),
 * run statement by statement, as psql does, against a real PostgreSQL 17.
 */
class PostgresInitScriptTest {

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void runTheScriptOnAnEmptyServer() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements(Repository.read("deploy/compose/postgres/10-accessloop-databases.sql"))) {
                s.execute(statement);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void everyServiceFindsItsDatabaseOwnedByItsOwnRole() throws Exception {
        for (String module : List.of("broker-service", "drift-service", "lifecycle-service")) {
            JsonNode env = ComposeTest.SERVICES.get(module).get("environment");
            String database = database(env);
            String user = env.get("QUARKUS_DATASOURCE_USERNAME").asText();
            try (Connection c = connect(database, user, env.get("QUARKUS_DATASOURCE_PASSWORD").asText());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select pg_get_userbyid(datdba) from pg_database where datname = current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as(module).isEqualTo(user);
                s.execute("create table flyway_can_create_tables (id int)");
            }
        }
    }

    @Test
    void noServiceCanConnectToAnotherServicesDatabase() {
        JsonNode broker = ComposeTest.SERVICES.get("broker-service").get("environment");
        JsonNode drift = ComposeTest.SERVICES.get("drift-service").get("environment");
        assertThatThrownBy(() -> connect(database(drift), broker.get("QUARKUS_DATASOURCE_USERNAME").asText(),
                broker.get("QUARKUS_DATASOURCE_PASSWORD").asText()).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }

    static String database(JsonNode env) {
        String jdbc = env.get("QUARKUS_DATASOURCE_JDBC_URL").asText();
        return jdbc.substring(jdbc.lastIndexOf('/') + 1);
    }

    static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, user, password);
    }

    @Test
    void theLocalOverlaysCopyIsTheSameScript() {
        assertThat(Repository.read("deploy/k8s/overlays/local/files/10-accessloop-databases.sql"))
                .isEqualTo(Repository.read("deploy/compose/postgres/10-accessloop-databases.sql"));
    }

    /** SQL statements, comments removed, split at semicolons (the script holds no semicolons in literals). */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String code = line.replaceAll("--.*$", "").trim();
            if (code.isEmpty()) {
                continue;
            }
            current.append(code).append(' ');
            if (code.endsWith(";")) {
                out.add(current.toString().trim());
                current.setLength(0);
            }
        }
        assertThat(current.toString().trim()).as("statement without a closing semicolon").isEmpty();
        return out;
    }
}
