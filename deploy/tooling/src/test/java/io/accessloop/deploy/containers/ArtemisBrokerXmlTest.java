package io.accessloop.deploy.containers;

import io.accessloop.contracts.Topology;
import io.accessloop.deploy.support.Repository;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker.xml mounted into the Artemis image holds exactly the topology of io.accessloop.contracts.Topology. */
class ArtemisBrokerXmlTest {

    static final Path BROKER_XML = Repository.path("deploy/compose/artemis/broker.xml");

    @Test
    void declaresEveryAddressAndQueueOfTheTopologyWithItsRouting() throws Exception {
        FileConfiguration config = load();
        Map<String, String> declared = new TreeMap<>();
        for (CoreAddressConfiguration address : config.getAddressConfigurations()) {
            if (!address.getName().startsWith("accessloop.")) {
                continue;
            }
            for (QueueConfiguration queue : address.getQueueConfigs()) {
                declared.put(queue.getName().toString(), address.getName() + " " + address.getRoutingTypes());
            }
        }
        Map<String, String> expected = new TreeMap<>();
        for (Topology.Route route : Topology.ROUTES) {
            RoutingType routing = route.multicast() ? RoutingType.MULTICAST : RoutingType.ANYCAST;
            route.queues().forEach(q -> expected.put(q, route.address() + " [" + routing + "]"));
        }
        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void accessloopAddressesAreNeverAutoCreatedAndFailedMessagesAreParked() throws Exception {
        AddressSettings settings = load().getAddressSettings().get("accessloop.#");
        assertThat(settings.isAutoCreateAddresses()).isFalse();
        assertThat(settings.isAutoCreateQueues()).isFalse();
        assertThat(settings.getDeadLetterAddress().toString()).isEqualTo("DLQ");
        assertThat(settings.getMaxDeliveryAttempts()).isGreaterThan(1);
        assertThat(load().getAcceptorConfigurations()).anyMatch(a -> a.getName().equals("amqp")
                && a.getParams().get("port").toString().equals("5672")
                && a.getParams().get("protocols").toString().equals("AMQP"));
    }

    @Test
    void aBrokerStartedFromTheFileHasTheDurableQueues(@TempDir Path data) throws Exception {
        FileConfiguration config = load();
        config.clearAcceptorConfigurations();
        config.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + freePort() + "?protocols=AMQP");
        config.setBrokerInstance(data.toFile());
        config.setJournalDirectory(data.resolve("journal").toString());
        config.setBindingsDirectory(data.resolve("bindings").toString());
        config.setPagingDirectory(data.resolve("paging").toString());
        config.setLargeMessagesDirectory(data.resolve("large").toString());
        config.setSecurityEnabled(false);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        try {
            ActiveMQServer server = broker.getActiveMQServer();
            assertThat(server.isActive()).isTrue();
            for (Topology.Route route : Topology.ROUTES) {
                assertThat(server.getAddressInfo(SimpleString.of(route.address()))).as(route.address()).isNotNull();
                for (String queue : route.queues()) {
                    assertThat(server.locateQueue(queue)).as(queue).isNotNull();
                    assertThat(server.locateQueue(queue).isDurable()).as(queue).isTrue();
                }
            }
            assertThat(server.locateQueue("DLQ")).isNotNull();
        } finally {
            broker.stop();
        }
    }

    @Test
    void theLocalOverlaysCopyIsTheSameFile() {
        assertThat(Repository.read("deploy/k8s/overlays/local/files/broker.xml")).isEqualTo(Repository.read(BROKER_XML));
    }

    private static FileConfiguration load() throws Exception {
        FileConfiguration config = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(BROKER_XML.toUri().toString());
        deployment.addDeployable(config);
        deployment.readConfiguration();
        return config;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
