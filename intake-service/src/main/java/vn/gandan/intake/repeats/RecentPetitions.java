package vn.gandan.intake.repeats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The latest petitions of one place and category ({@code place|40|17605|land.dispute}) or of one citizen
 * ({@code citizen|c-…}), addressed by {@code _id} so that finding repeats never scans the petitions.
 */
@Document("recent_petitions")
class RecentPetitions {

    record Entry(String petitionId, String category, String searchKey, Instant receivedAt) {}

    @Id
    private String id;

    private List<Entry> entries = new ArrayList<>();

    protected RecentPetitions() {}

    String id() {
        return id;
    }

    List<Entry> entries() {
        return entries;
    }
}
