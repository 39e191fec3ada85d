package vn.gandan.intake.repeats;

import static java.util.stream.Collectors.toCollection;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionSubmitted.RelatedPetition;
import vn.gandan.intake.normalization.TextNormalizer;

/** Finds the earlier petition a new one repeats, and remembers new petitions for the next ones. */
@Service
@EnableConfigurationProperties(RepeatProperties.class)
public class Repeats {

    /** Same citizen, same category: linked even when the words differ, with at least this score. */
    static final double SAME_CITIZEN_SCORE = 0.75;

    private final MongoTemplate mongo;
    private final RepeatProperties properties;

    Repeats(MongoTemplate mongo, RepeatProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /**
     * What is known of a petition for this purpose.
     *
     * @param communeCode null when unresolved: then only the citizen can link it
     * @param citizenRef null without a contact
     * @param searchKey the text as it is compared, folded once ({@link #of})
     */
    public record Facts(
            String provinceCode,
            String communeCode,
            String category,
            String citizenRef,
            String searchKey,
            Instant receivedAt) {

        public static Facts of(
                String provinceCode,
                String communeCode,
                String category,
                String citizenRef,
                String title,
                String description,
                Instant receivedAt) {
            String text = title + " " + (description == null ? "" : description);
            return new Facts(
                    provinceCode, communeCode, category, citizenRef, TextNormalizer.searchKey(text), receivedAt);
        }
    }

    /** A petition to remember, by its id. */
    public record Remembered(String petitionId, Facts facts) {}

    /**
     * The recent petitions of every place and citizen of a batch, read in one query. A batch's petitions are then
     * found against it one after another, each {@link Recent#add added} once decided, so that a batch links its
     * petitions as the same petitions sent one by one would be.
     */
    public Recent recall(List<Facts> batch) {
        Set<String> keys = new LinkedHashSet<>();
        batch.forEach(facts -> keys.addAll(keys(facts)));
        Map<String, List<Known>> byKey = new HashMap<>();
        if (!keys.isEmpty()) {
            for (RecentPetitions recent : mongo.find(query(where("_id").in(keys)), RecentPetitions.class)) {
                byKey.put(recent.id(), recent.entries().stream().map(Known::of).collect(toCollection(ArrayList::new)));
            }
        }
        return new Recent(byKey);
    }

    /** An entry with its syllable pairs, split once however many petitions of a batch it is compared with. */
    private record Known(RecentPetitions.Entry entry, Set<String> words) {

        static Known of(RecentPetitions.Entry entry) {
            return new Known(entry, bigrams(entry.searchKey()));
        }
    }

    /** What {@link #recall} read, and what its batch added since. Not shared between threads. */
    public final class Recent {

        private static final Comparator<Known> NEWEST_FIRST = Comparator.comparing(
                        (Known known) -> known.entry().receivedAt())
                .reversed();

        private final Map<String, List<Known>> byKey;

        private Recent(Map<String, List<Known>> byKey) {
            this.byKey = byKey;
        }

        public Optional<RelatedPetition> earlierOf(Facts facts) {
            Set<String> words = bigrams(facts.searchKey());
            RelatedPetition best = null;
            for (String key : keys(facts)) {
                for (Known known : byKey.getOrDefault(key, List.of())) {
                    RecentPetitions.Entry entry = known.entry();
                    if (!withinWindow(entry.receivedAt(), facts.receivedAt())
                            || !entry.category().equals(facts.category())) {
                        continue;
                    }
                    double score = similarity(words, known.words());
                    if (key.startsWith("citizen|")) {
                        score = Math.max(score, SAME_CITIZEN_SCORE);
                    } else if (score < properties.similarity()) {
                        continue;
                    }
                    if (best == null || score > best.score()) {
                        best = new RelatedPetition(PetitionId.of(entry.petitionId()), round(score));
                    }
                }
            }
            return Optional.ofNullable(best);
        }

        /** Takes a decided petition in, as the store will keep it: the newest {@code keep} by receipt. */
        public void add(String petitionId, Facts facts) {
            Known known = Known.of(
                    new RecentPetitions.Entry(petitionId, facts.category(), facts.searchKey(), facts.receivedAt()));
            for (String key : keys(facts)) {
                List<Known> entries = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                entries.add(known);
                entries.sort(NEWEST_FIRST);
                if (entries.size() > properties.keep()) {
                    entries.subList(properties.keep(), entries.size()).clear();
                }
            }
        }
    }

    /**
     * Remembers accepted petitions: one atomic {@code $push} per key (newest {@code keep} by receipt), all in one
     * bulk write, so that two petitions of the same place remembered at once both stay. Not atomic with their
     * creation: a crash in between only means a later repeat of them may go unlinked, never a lost petition.
     */
    public void rememberAll(List<Remembered> accepted) {
        Map<String, List<Document>> byKey = new LinkedHashMap<>();
        for (Remembered remembered : accepted) {
            Facts facts = remembered.facts();
            Document entry = new Document("petitionId", remembered.petitionId())
                    .append("category", facts.category())
                    .append("searchKey", facts.searchKey())
                    .append("receivedAt", Date.from(facts.receivedAt()));
            keys(facts).forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(entry));
        }
        if (byKey.isEmpty()) {
            return;
        }
        BulkOperations pushes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RecentPetitions.class);
        byKey.forEach((key, entries) -> pushes.upsert(
                query(where("_id").is(key)),
                new Update()
                        .push("entries")
                        .sort(Sort.by(Sort.Direction.DESC, "receivedAt"))
                        .slice(properties.keep())
                        .each(entries.toArray())));
        pushes.execute();
    }

    private static List<String> keys(Facts facts) {
        List<String> keys = new ArrayList<>(2);
        if (facts.communeCode() != null) {
            keys.add("place|" + facts.provinceCode() + "|" + facts.communeCode() + "|" + facts.category());
        }
        if (facts.citizenRef() != null) {
            keys.add("citizen|" + facts.citizenRef());
        }
        return keys;
    }

    private boolean withinWindow(Instant earlier, Instant now) {
        return !earlier.isAfter(now) && !earlier.plus(properties.window()).isBefore(now);
    }

    /** Pairs of neighbouring syllables: Vietnamese words are mostly two syllables, so pairs carry the meaning. */
    static Set<String> bigrams(String searchKey) {
        String[] syllables = searchKey.isBlank() ? new String[0] : searchKey.split(" ");
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < syllables.length; i++) {
            pairs.add(syllables[i] + " " + syllables[i + 1]);
        }
        if (pairs.isEmpty()) {
            pairs.addAll(Arrays.asList(syllables));
        }
        return pairs;
    }

    /** Jaccard similarity of two sets of syllable pairs. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / (a.size() + b.size() - common.size());
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }
}
