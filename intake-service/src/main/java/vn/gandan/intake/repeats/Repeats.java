package vn.gandan.intake.repeats;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
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
     */
    public record Facts(
            String provinceCode,
            String communeCode,
            String category,
            String citizenRef,
            String title,
            String description,
            Instant receivedAt) {

        String searchKey() {
            return TextNormalizer.searchKey(title + " " + (description == null ? "" : description));
        }
    }

    public Optional<RelatedPetition> earlierOf(Facts facts) {
        Set<String> words = bigrams(facts.searchKey());
        RelatedPetition best = null;
        for (String key : keys(facts)) {
            RecentPetitions recent = mongo.findById(key, RecentPetitions.class);
            if (recent == null) {
                continue;
            }
            for (RecentPetitions.Entry entry : recent.entries()) {
                if (!withinWindow(entry.receivedAt(), facts.receivedAt())
                        || !entry.category().equals(facts.category())) {
                    continue;
                }
                double score = similarity(words, bigrams(entry.searchKey()));
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

    /**
     * Remembers an accepted petition: one atomic {@code $push} per key (newest {@code keep} by receipt), both in one
     * bulk write, so that two petitions of the same place remembered at once both stay. Not atomic with its
     * creation: a crash in between only means a later repeat of it may go unlinked, never a lost petition.
     */
    public void remember(String petitionId, Facts facts) {
        Document entry = new Document("petitionId", petitionId)
                .append("category", facts.category())
                .append("searchKey", facts.searchKey())
                .append("receivedAt", Date.from(facts.receivedAt()));
        List<String> keys = keys(facts);
        if (keys.isEmpty()) {
            return;
        }
        BulkOperations pushes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RecentPetitions.class);
        for (String key : keys) {
            pushes.upsert(
                    query(where("_id").is(key)),
                    new Update()
                            .push("entries")
                            .sort(Sort.by(Sort.Direction.DESC, "receivedAt"))
                            .slice(properties.keep())
                            .each(entry));
        }
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
