package vn.gandan.testsupport.sweep;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** How many documents each collection of a service's database holds: taken before and after a sweep. */
public final class StoredDocuments {

    private StoredDocuments() {}

    /** @param ignored collections that background jobs write by themselves (leases, timers, hints) */
    public static Map<String, Long> count(MongoTemplate mongo, Set<String> ignored) {
        Map<String, Long> counts = new TreeMap<>();
        for (String name : mongo.getCollectionNames()) {
            if (!ignored.contains(name)) {
                counts.put(name, mongo.count(new Query(), name));
            }
        }
        return counts;
    }
}
