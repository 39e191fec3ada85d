package vn.gandan.intake.repeats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.gandan.testsupport.RealInfrastructure;

/** What the store keeps of recent petitions, against the real store: nothing lost to a race, the newest kept. */
@SpringBootTest(properties = "gandan.intake.repeats.keep=5")
@ActiveProfiles("local")
@RealInfrastructure
class RepeatsIntegrationTests {

    @Autowired
    Repeats repeats;

    @Autowired
    MongoTemplate mongo;

    @Test
    void petitionsOfOnePlaceRememberedAtOnceAreAllKept() {
        String commune = "r" + UUID.randomUUID().toString().substring(0, 8);
        Instant base = Instant.parse("2026-11-02T03:00:00Z");
        List<String> ids =
                IntStream.range(0, 4).mapToObj(i -> "p-" + commune + "-" + i).toList();

        CompletableFuture.allOf(IntStream.range(0, ids.size())
                        .mapToObj(i -> CompletableFuture.runAsync(
                                () -> remember(ids.get(i), facts(commune, base.plusSeconds(i)))))
                        .toArray(CompletableFuture[]::new))
                .join();

        assertThat(entries(commune))
                .extracting(RecentPetitions.Entry::petitionId)
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void onlyTheNewestByReceiptAreKeptNewestFirst() {
        String commune = "r" + UUID.randomUUID().toString().substring(0, 8);
        Instant base = Instant.parse("2026-11-02T03:00:00Z");
        // Received out of order, as a back-fill sends them: 7 petitions, the 5 received last stay.
        for (int i : new int[] {3, 0, 6, 1, 5, 2, 4}) {
            remember(id(i), facts(commune, base.plusSeconds(60L * i)));
        }

        assertThat(entries(commune))
                .extracting(RecentPetitions.Entry::petitionId)
                .containsExactly(id(6), id(5), id(4), id(3), id(2));
        Repeats.Facts later = facts(commune, base.plusSeconds(600));
        assertThat(repeats.recall(List.of(later)).earlierOf(later))
                .as("found again by the same place and words")
                .isPresent();
    }

    @Test
    void aBatchRememberedInOneWriteKeepsTheNewestAndFindsItsOwnRepeats() {
        String commune = "r" + UUID.randomUUID().toString().substring(0, 8);
        Instant base = Instant.parse("2026-11-02T03:00:00Z");
        List<Repeats.Remembered> batch = IntStream.of(3, 0, 6, 1, 5, 2, 4)
                .mapToObj(i -> new Repeats.Remembered(id(i), facts(commune, base.plusSeconds(60L * i))))
                .toList();
        Repeats.Recent recent = repeats.recall(List.of(batch.get(0).facts()));
        assertThat(recent.earlierOf(batch.get(0).facts())).isEmpty();
        batch.forEach(r -> recent.add(r.petitionId(), r.facts()));

        repeats.rememberAll(batch);

        assertThat(entries(commune))
                .extracting(RecentPetitions.Entry::petitionId)
                .containsExactly(id(6), id(5), id(4), id(3), id(2));
        assertThat(recent.earlierOf(facts(commune, base.plusSeconds(600))))
                .as("of equally close ones, the newest the batch added")
                .map(related -> related.petitionId().toString())
                .hasValue(id(6));
    }

    /** One petition remembered, as intake remembers a single submission. */
    private void remember(String petitionId, Repeats.Facts facts) {
        repeats.rememberAll(List.of(new Repeats.Remembered(petitionId, facts)));
    }

    private static String id(int n) {
        return new UUID(0x40, n).toString();
    }

    private List<RecentPetitions.Entry> entries(String commune) {
        RecentPetitions recent = mongo.findById("place|40|" + commune + "|moi_truong", RecentPetitions.class);
        assertThat(recent).isNotNull();
        return recent.entries();
    }

    private static Repeats.Facts facts(String commune, Instant receivedAt) {
        return Repeats.Facts.of(
                "40",
                commune,
                "moi_truong",
                null,
                "Mương thoát nước xóm 3 bị tắc",
                "Nước thải tràn ra đường liên xã",
                receivedAt);
    }
}
