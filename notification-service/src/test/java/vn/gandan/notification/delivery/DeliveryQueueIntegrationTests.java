package vn.gandan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.gandan.support.lease.Leases;
import vn.gandan.testsupport.MutableClock;
import vn.gandan.testsupport.TestInfrastructure;

/**
 * The queue's writes at the end of a dispatch round, against the real store server: the round's final deliveries
 * leave in one write, and one queued again meanwhile (an operator's retry) stays and is free to go. A database of
 * its own per test.
 */
class DeliveryQueueIntegrationTests {

    final Map<String, AtomicLong> commands = new ConcurrentHashMap<>();
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T02:00:00Z"));
    final String owner = "dispatcher-" + UUID.randomUUID();
    MongoClient client;
    MongoTemplate mongo;
    DeliveryQueue queue;

    @BeforeEach
    void connect() {
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.computeIfAbsent(event.getCommandName(), k -> new AtomicLong())
                        .incrementAndGet();
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(
                        new ConnectionString(TestInfrastructure.servers().mongoUri()))
                .addCommandListener(counting)
                .build());
        mongo = new MongoTemplate(
                client, "it_queue_" + UUID.randomUUID().toString().substring(0, 8));
        queue = new DeliveryQueue(mongo, clock);
    }

    @AfterEach
    void close() {
        mongo.getDb().drop();
        client.close();
    }

    long sent(String command) {
        return commands.getOrDefault(command, new AtomicLong()).get();
    }

    Document stored(String id) {
        return mongo.findById(id, Document.class, DeliveryQueue.COLLECTION);
    }

    List<DeliveryQueue.Entry> queuedAndClaimed(List<String> ids) {
        ids.forEach(id -> queue.dueBy(id, clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        List<DeliveryQueue.Entry> claimed = queue.claim(queue.due(100), owner, Duration.ofMinutes(1));
        assertThat(claimed).extracting(DeliveryQueue.Entry::id).containsExactlyInAnyOrderElementsOf(ids);
        return claimed;
    }

    @Test
    void aRoundsFinalDeliveriesLeaveTheQueueInOneWrite() {
        List<String> ids = List.of("d-1", "d-2", "d-3", "d-4", "d-5");
        List<DeliveryQueue.Entry> claimed = queuedAndClaimed(ids);
        long deletes = sent("delete");
        long updates = sent("update");

        queue.doneAll(claimed, owner);

        assertThat(sent("delete") - deletes).isEqualTo(1);
        assertThat(sent("update") - updates)
                .as("none was queued again, so none to release")
                .isZero();
        assertThat(mongo.count(query(where("_id").in(ids)), DeliveryQueue.COLLECTION))
                .isZero();
    }

    @Test
    void oneQueuedAgainWhileItsLastAttemptFinishedStaysAndIsFreeToGo() {
        List<DeliveryQueue.Entry> claimed = queuedAndClaimed(List.of("d-sent", "d-retried"));
        Instant retriedAt = clock.instant().plusSeconds(1);
        queue.dueAgain("d-retried", retriedAt); // the operator's retry, as its failure was being recorded

        queue.doneAll(claimed, owner);

        assertThat(stored("d-sent")).isNull();
        Document retried = stored("d-retried");
        assertThat(retried).as("the retried delivery is still queued").isNotNull();
        assertThat(retried.getDate("at").toInstant()).isEqualTo(retriedAt);
        assertThat(retried).doesNotContainKeys(Leases.OWNER, Leases.UNTIL);
        clock.advance(Duration.ofSeconds(2));
        assertThat(queue.claim(queue.due(100), "another", Duration.ofMinutes(1)))
                .extracting(DeliveryQueue.Entry::id)
                .containsExactly("d-retried");
    }
}
