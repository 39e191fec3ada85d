package vn.gandan.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import vn.gandan.localstore.IndexedMemoryBackend;

/**
 * The Kafka broker and MongoDB-protocol server that integration tests run against, started once per JVM.
 *
 * <p>Chosen in this order: servers named by the environment ({@code KAFKA_BOOTSTRAP_SERVERS} and {@code
 * MONGODB_URI}); Testcontainers Kafka and MongoDB (a replica set) when a Docker engine answers; otherwise an
 * in-process Kafka KRaft broker and mongo-java-server. {@code TEST_INFRA=external|docker|inprocess} forces one.
 */
public final class TestInfrastructure {

    public enum Mode {
        EXTERNAL,
        DOCKER,
        INPROCESS
    }

    /** Where the servers are. {@code mongoUri} names no database: each service picks its own. */
    public record Servers(Mode mode, String kafkaBootstrapServers, String mongoUri) {}

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final String KAFKA_IMAGE = "apache/kafka-native:4.1.1";
    private static final String MONGO_IMAGE = "mongo:8.0";

    private static Servers servers;

    private TestInfrastructure() {}

    public static synchronized Servers servers() {
        if (servers == null) {
            Mode mode = chooseMode();
            servers = switch (mode) {
                case EXTERNAL -> external();
                case DOCKER -> docker();
                case INPROCESS -> inProcess();
            };
            log.info(
                    "Test infrastructure: {} (kafka {}, mongodb {})",
                    mode,
                    servers.kafkaBootstrapServers(),
                    servers.mongoUri());
        }
        return servers;
    }

    static Mode chooseMode() {
        String forced = setting("TEST_INFRA");
        if (forced != null && !forced.isBlank()) {
            return Mode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
        }
        if (setting("KAFKA_BOOTSTRAP_SERVERS") != null && setting("MONGODB_URI") != null) {
            return Mode.EXTERNAL;
        }
        return dockerAvailable() ? Mode.DOCKER : Mode.INPROCESS;
    }

    /**
     * Asks Testcontainers only when an engine could be there: with a daemon that runs but cannot pull, the probe
     * hangs for minutes (see shared infrastructure notes), and with none it is wasted time.
     */
    private static boolean dockerAvailable() {
        boolean engineHinted = setting("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        return engineHinted && DockerClientFactory.instance().isDockerAvailable();
    }

    private static Servers external() {
        String kafka = require("KAFKA_BOOTSTRAP_SERVERS");
        String mongo = require("MONGODB_URI");
        return new Servers(Mode.EXTERNAL, kafka, mongo);
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper at JVM exit
    private static Servers docker() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        return new Servers(Mode.DOCKER, kafka.getBootstrapServers(), mongo.getReplicaSetUrl());
    }

    private static Servers inProcess() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new IndexedMemoryBackend());
        InetSocketAddress address = mongo.bind();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            kafka.destroy();
        }));
        String mongoUri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        return new Servers(Mode.INPROCESS, kafka.getBrokersAsString(), mongoUri);
    }

    private static String require(String name) {
        String value = setting(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("TEST_INFRA=external needs " + name);
        }
        return value;
    }

    private static String setting(String name) {
        String property = System.getProperty(name);
        return property != null ? property : System.getenv(name);
    }
}
