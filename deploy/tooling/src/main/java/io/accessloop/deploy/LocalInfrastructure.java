package io.accessloop.deploy;

import io.accessloop.testsupport.ArtemisResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs PostgreSQL (one database per service) and Artemis (AMQP 1.0, Accessloop topology) for the local run, both
 * keeping their data under one directory so that a second start finds everything again. Stops cleanly on SIGINT/SIGTERM.
 */
public final class LocalInfrastructure {

    static final List<String> DATABASES = List.of("broker", "drift", "lifecycle");
    static final String USER = "accessloop";

    private LocalInfrastructure() {
    }

    public static void main(String[] args) throws Exception {
        LocalRunOptions options = LocalRunOptions.parse(args);
        Files.createDirectories(options.dataDir());

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(options.dataDir().resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(options.postgresPort())
                .start();
        createRoleAndDatabases(postgres.getPort());

        EmbeddedActiveMQ artemis = new EmbeddedActiveMQ()
                .setConfiguration(ArtemisResource.configuration(options.amqpPort(), options.dataDir().resolve("artemis")));
        artemis.start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopQuietly(artemis, postgres);
            stopped.countDown();
        }));
        System.out.printf("READY postgres=localhost:%d amqp=localhost:%d data=%s%n",
                postgres.getPort(), options.amqpPort(), options.dataDir());
        stopped.await();
    }

    static void createRoleAndDatabases(int port) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
             Statement s = c.createStatement()) {
            if (!exists(s, "select 1 from pg_roles where rolname = '" + USER + "'")) {
                s.execute("create role " + USER + " login password '" + USER + "'");
            }
            for (String database : DATABASES) {
                if (!exists(s, "select 1 from pg_database where datname = '" + database + "'")) {
                    s.execute("create database " + database + " owner " + USER);
                }
            }
        }
    }

    private static boolean exists(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static void stopQuietly(EmbeddedActiveMQ artemis, EmbeddedPostgres postgres) {
        try {
            artemis.stop();
        } catch (Exception e) {
            System.err.println("artemis did not stop cleanly: " + e.getMessage());
        }
        try {
            postgres.close();
        } catch (Exception e) {
            System.err.println("postgres did not stop cleanly: " + e.getMessage());
        }
    }

    /** Command line: {@code --data DIR --postgres-port N --amqp-port N}. */
    record LocalRunOptions(Path dataDir, int postgresPort, int amqpPort) {

        static LocalRunOptions parse(String[] args) {
            Path data = Path.of("deploy/.run/data");
            int pg = 5432;
            int amqp = 5672;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--data" -> data = Path.of(require(args[i], value));
                    case "--postgres-port" -> pg = Integer.parseInt(require(args[i], value));
                    case "--amqp-port" -> amqp = Integer.parseInt(require(args[i], value));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (known: --data DIR --postgres-port N --amqp-port N)");
                }
                i++;
            }
            return new LocalRunOptions(data.toAbsolutePath(), pg, amqp);
        }

        private static String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
