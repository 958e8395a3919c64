package io.accessloop.testsupport;

import io.accessloop.contracts.Topology;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real AMQP 1.0 broker for tests: embedded Artemis with a persistent journal and the Accessloop topology
 * pre-created (auto-creation off for {@code accessloop.#}). With {@code ACCESSLOOP_TEST_AMQP_HOST} (and
 * {@code _PORT}, {@code _USER}, {@code _PASSWORD}) tests use that broker instead. One broker per test JVM; tests
 * may {@link #restart()} it to prove that nothing is lost.
 */
public class ArtemisResource implements QuarkusTestResourceLifecycleManager {

    /** Where messages go after ten failed deliveries. */
    public static final String DEAD_LETTERS = "accessloop.dead-letters";

    private static EmbeddedActiveMQ broker;
    private static int port;
    private static Path journal;

    @Override
    public Map<String, String> start() {
        var host = External.env("ACCESSLOOP_TEST_AMQP_HOST");
        if (host.isPresent()) {
            return Map.of("amqp-host", host.get(),
                    "amqp-port", External.env("ACCESSLOOP_TEST_AMQP_PORT").orElse("5672"),
                    "amqp-username", External.env("ACCESSLOOP_TEST_AMQP_USER").orElse("artemis"),
                    "amqp-password", External.env("ACCESSLOOP_TEST_AMQP_PASSWORD").orElse("artemis"));
        }
        ensureStarted();
        return Map.of("amqp-host", "127.0.0.1", "amqp-port", String.valueOf(port),
                "amqp-username", "", "amqp-password", "",
                "amqp-reconnect-interval", "1");
    }

    @Override
    public void stop() {
        // one broker serves every Quarkus start in this JVM
    }

    public static synchronized void ensureStarted() {
        if (broker != null) {
            return;
        }
        try {
            port = External.freePort();
            journal = Files.createTempDirectory("accessloop-artemis");
            broker = new EmbeddedActiveMQ().setConfiguration(configuration());
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(ArtemisResource::stopBroker));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start embedded Artemis", e);
        }
    }

    /** Stops and starts the broker on the same port and journal, as an operator's restart would. */
    public static synchronized void restart() {
        stopBroker();
        startAgain();
    }

    /** Stops the broker; {@link #startAgain()} brings it back with everything durable it held. */
    public static synchronized void stopBroker() {
        try {
            if (broker != null) {
                broker.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop embedded Artemis", e);
        }
    }

    public static synchronized void startAgain() {
        try {
            broker = new EmbeddedActiveMQ().setConfiguration(configuration());
            broker.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot restart embedded Artemis", e);
        }
    }

    /** Messages waiting in a queue, e.g. {@code messageCount("accessloop.access.lifecycle")}. */
    public static long messageCount(String queue) {
        var q = broker.getActiveMQServer().locateQueue(queue);
        if (q == null) {
            throw new IllegalArgumentException("no queue " + queue);
        }
        return q.getMessageCount();
    }

    private static Configuration configuration() throws Exception {
        return configuration(port, journal);
    }

    /**
     * An Artemis configuration with a persistent journal under {@code dataDir}, one AMQP acceptor on loopback and the
     * Accessloop topology pre-created; the local run uses it too.
     */
    public static Configuration configuration(int port, Path dataDir) throws Exception {
        Path journal = dataDir;
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setJournalDirectory(journal.resolve("journal").toString())
                .setBindingsDirectory(journal.resolve("bindings").toString())
                .setLargeMessagesDirectory(journal.resolve("large").toString())
                .setPagingDirectory(journal.resolve("paging").toString())
                .setSecurityEnabled(false)
                .setJournalType(org.apache.activemq.artemis.core.server.JournalType.NIO);
        config.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
        config.addAddressSetting("accessloop.#", new AddressSettings()
                .setAutoCreateAddresses(false)
                .setAutoCreateQueues(false)
                .setMaxDeliveryAttempts(10)
                .setRedeliveryDelay(200)
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTERS)));
        // a message that fails ten times waits here for an operator instead of being dropped
        config.addAddressConfiguration(new CoreAddressConfiguration()
                .setName(DEAD_LETTERS)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(DEAD_LETTERS)
                        .setAddress(DEAD_LETTERS).setRoutingType(RoutingType.ANYCAST).setDurable(true)));
        for (Topology.Route route : Topology.ROUTES) {
            RoutingType routing = route.multicast() ? RoutingType.MULTICAST : RoutingType.ANYCAST;
            CoreAddressConfiguration address = new CoreAddressConfiguration()
                    .setName(route.address())
                    .addRoutingType(routing);
            for (String queue : route.queues()) {
                address.addQueueConfiguration(QueueConfiguration.of(queue)
                        .setAddress(route.address())
                        .setRoutingType(routing)
                        .setDurable(true));
            }
            config.addAddressConfiguration(address);
        }
        return config;
    }

}
