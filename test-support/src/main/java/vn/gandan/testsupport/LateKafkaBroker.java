package vn.gandan.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A Kafka broker whose bootstrap address is fixed before it runs, for tests of a service started while Kafka is
 * down: give the service {@link #bootstrapServers()}, then {@link #start()} the broker when the test chooses.
 * Until then nothing listens at that address. In-process KRaft, one node.
 *
 * <p>spring-kafka-test's KRaft broker binds ports of its own choosing ({@code kafkaPorts(...)} is ignored and
 * the {@code listeners} port too), so the fixed address is a small TCP relay to it, started with it. Clients
 * bootstrap through the relay and then talk to the broker at the address it advertises, as with any cluster.
 *
 * <p>Like the local run's broker ({@code deploy/local/kafka-server.properties}) it does not create topics on
 * first use: the services create theirs, with their partition counts, and a test sees whether they did.
 */
public final class LateKafkaBroker implements AutoCloseable {

    private final int port;
    private EmbeddedKafkaKraftBroker broker;
    private ServerSocket relay;
    private final List<Socket> relayed = new CopyOnWriteArrayList<>();

    private LateKafkaBroker(int port) {
        this.port = port;
    }

    /** Chooses a free port; nothing listens on it until {@link #start()}. */
    public static LateKafkaBroker reserve() {
        return new LateKafkaBroker(FreePorts.pick());
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker and the relay at the reserved address (takes a few seconds). Does nothing if running. */
    public synchronized void start() {
        if (broker != null) {
            return;
        }
        EmbeddedKafkaKraftBroker starting = new EmbeddedKafkaKraftBroker(1, 1);
        starting.brokerProperty("auto.create.topics.enable", "false");
        // Not spring.kafka.bootstrap-servers, the default: that system property would reach other tests' contexts.
        starting.brokerListProperty("gandan.test.late-kafka.brokers");
        starting.afterPropertiesSet();
        broker = starting;
        String[] hostAndPort = starting.getBrokersAsString().split(",")[0].split(":");
        try {
            relay = new ServerSocket();
            relay.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            close();
            throw new IllegalStateException("cannot listen on " + bootstrapServers(), e);
        }
        InetSocketAddress target = new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1]));
        ServerSocket listening = relay;
        daemon("late-kafka-relay", () -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket server = new Socket();
                    server.connect(target, 5_000);
                    relayed.add(client);
                    relayed.add(server);
                    daemon("late-kafka-relay-in", () -> copy(client, server));
                    daemon("late-kafka-relay-out", () -> copy(server, client));
                } catch (IOException closedOrRefused) {
                    // closed: the loop ends; refused: the client sees its connection dropped and retries
                }
            }
        });
    }

    /** Runs something with an admin client of this broker, e.g. to describe the topics a service created. */
    public <T> T withAdmin(Function<Admin, T> work) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            return work.apply(admin);
        }
    }

    @Override
    public synchronized void close() {
        if (relay != null) {
            closeQuietly(relay);
            relay = null;
        }
        relayed.forEach(LateKafkaBroker::closeQuietly);
        relayed.clear();
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException closed) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
