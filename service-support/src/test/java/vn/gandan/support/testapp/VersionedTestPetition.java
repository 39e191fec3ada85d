package vn.gandan.support.testapp;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.gandan.events.PetitionEvent;
import vn.gandan.support.outbox.OutboxEntry;

/** An aggregate with an outbox and an optimistic-lock version, as routing's cases are. */
@Document("support_test_versioned_petitions")
public class VersionedTestPetition {

    @Id
    private String id;

    private String status;

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    protected VersionedTestPetition() {}

    public VersionedTestPetition(String id, String status) {
        this.id = id;
        this.status = status;
    }

    public VersionedTestPetition raise(String newStatus, PetitionEvent event) {
        this.status = newStatus;
        outbox.add(OutboxEntry.of(event));
        return this;
    }

    public List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }

    public String id() {
        return id;
    }

    public String status() {
        return status;
    }

    public Long version() {
        return version;
    }
}
