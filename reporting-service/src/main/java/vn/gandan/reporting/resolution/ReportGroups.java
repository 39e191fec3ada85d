package vn.gandan.reporting.resolution;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.gandan.reporting.version.ProjectionVersion;

/**
 * The groups seen per dimension, nationally ({@code *|authority}) and per province ({@code 40|authority}), so a
 * report enumerates its groups from one document; and the authorities' names as the events give them.
 */
@Service
public class ReportGroups {

    public static final String COLLECTION = "report_groups";
    public static final String AUTHORITIES = "report_authorities";
    public static final String NATIONAL = "*";
    /** The commune and category pairs of a province's repeat petitions, {@code <commune>|<category>}. */
    static final String REPEAT_PAIRS = "repeats:commune|category";

    /** Enough for every group of a country's worth of communes, authorities and categories, several times over. */
    private static final int MOST_REMEMBERED = 200_000;

    private final MongoTemplate mongo;

    /**
     * What this instance has written: a group's member, {@code <collection>|<id>|<value>}, and an authority's latest
     * name, {@code <collection>|<id>} → name. A group gains few members and would be written by nearly every petition
     * otherwise, so once is enough. Forgotten with the version ({@link #forget}).
     */
    private final Map<String, String> written = new ConcurrentHashMap<>();

    ReportGroups(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Adds the petition's values to the groups, skipping what the state counted before already added (null: add
     * everything; adding twice changes nothing, it only costs a write). One bulk write for all of them.
     *
     * <p>A historical petition (ADR 0017) is recorded as a live one is, in the groups and with its authority's name:
     * the groups are what a report lists its rows from, and its {@code imported} figure is on those rows (an
     * authority that answers only for imported petitions must still be listed and accepted as a filter). Being a
     * group says nothing of received or open, which only the buckets count. Only its repeat pair is left out: it
     * counts as no repeat, so the pair would list nothing.
     */
    void record(PetitionState state, PetitionState before, ProjectionVersion version) {
        if (!state.countable()) {
            return;
        }
        // a state that counted nothing was not recorded, though it may name the authority (routing read first)
        boolean recorded = before != null && before.countable();
        boolean known = recorded && state.provinceCode().equals(before.provinceCode());
        Map<String, String> added = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            String value = dimension.valueOf(state);
            if (known && value.equals(dimension.valueOf(before))) {
                continue;
            }
            for (String scope : List.of(NATIONAL, state.provinceCode())) {
                added.put(scope + "|" + dimension.code(), value);
            }
        }
        String pair = Dimension.COMMUNE.valueOf(state) + "|" + Dimension.CATEGORY.valueOf(state);
        boolean pairKnown = known
                && before.countsAsRepeat()
                && pair.equals(Dimension.COMMUNE.valueOf(before) + "|" + Dimension.CATEGORY.valueOf(before));
        if (state.countsAsRepeat() && !pairKnown) {
            added.put(state.provinceCode() + "|" + REPEAT_PAIRS, pair);
        }
        String collection = version.collection(COLLECTION);
        added.entrySet().removeIf(e -> written.containsKey(member(collection, e.getKey(), e.getValue())));
        if (!added.isEmpty()) {
            BulkOperations upserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            added.forEach((id, value) ->
                    upserts.upsert(Query.query(where("_id").is(id)), new Update().addToSet("members", value)));
            upserts.execute();
            added.forEach((id, value) -> remember(member(collection, id, value), value));
        }
        boolean nameKnown = recorded
                && Objects.equals(state.authorityId(), before.authorityId())
                && Objects.equals(state.authorityName(), before.authorityName());
        if (state.authorityId() != null && state.authorityName() != null && !nameKnown) {
            String authorities = version.collection(AUTHORITIES);
            String key = authorities + "|" + state.authorityId();
            if (!state.authorityName().equals(written.get(key))) {
                mongo.upsert(
                        Query.query(where("_id").is(state.authorityId())),
                        new Update().set("name", state.authorityName()),
                        authorities);
                remember(key, state.authorityName());
            }
        }
    }

    private static String member(String collection, String id, String value) {
        return collection + "|" + id + "|" + value;
    }

    private void remember(String key, String value) {
        if (written.size() >= MOST_REMEMBERED) {
            written.clear(); // only costs writes again
        }
        written.put(key, value);
    }

    /** Forgets what was written to a version, before its collections are dropped and written again. */
    void forget(ProjectionVersion version) {
        String groups = version.collection(COLLECTION) + "|";
        String authorities = version.collection(AUTHORITIES) + "|";
        written.keySet().removeIf(key -> key.startsWith(groups) || key.startsWith(authorities));
    }

    /** @param province a province code or {@link #NATIONAL} */
    public List<String> members(String province, Dimension dimension, ProjectionVersion version) {
        return members(province + "|" + dimension.code(), version);
    }

    /** The {@code <commune>|<category>} pairs with repeat petitions in a province. */
    List<String> repeatPairs(String province, ProjectionVersion version) {
        return members(province + "|" + REPEAT_PAIRS, version);
    }

    private List<String> members(String id, ProjectionVersion version) {
        Document doc = mongo.findById(id, Document.class, version.collection(COLLECTION));
        if (doc == null) {
            return List.of();
        }
        return doc.getList("members", String.class).stream().sorted().toList();
    }

    public Map<String, String> authorityNames(List<String> ids, ProjectionVersion version) {
        Map<String, String> names = new TreeMap<>();
        for (Document doc :
                mongo.find(Query.query(where("_id").in(ids)), Document.class, version.collection(AUTHORITIES))) {
            names.put(doc.getString("_id"), doc.getString("name"));
        }
        return names;
    }

    public boolean knowsAuthority(String id, ProjectionVersion version) {
        return mongo.findById(id, Document.class, version.collection(AUTHORITIES)) != null;
    }
}
