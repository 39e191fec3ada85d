package vn.gandan.intake.status;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionRoutingFailed;
import vn.gandan.events.Topics;
import vn.gandan.intake.submission.Petition;
import vn.gandan.intake.submission.PetitionStatus;

/** Keeps the portal-facing status in step with routing. Setting the same status twice changes nothing. */
@Component
@KafkaListener(topics = Topics.ROUTING_CASES, groupId = Topics.INTAKE_GROUP)
class RoutingEventsListener {

    private final MongoTemplate mongo;

    RoutingEventsListener(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaHandler
    void on(PetitionRouted event) {
        mongo.updateFirst(
                query(where("_id").is(event.petitionId().toString())),
                new Update()
                        .set("status", event.fromHistory() ? PetitionStatus.ARCHIVED : PetitionStatus.ROUTED)
                        .set("authorityName", event.authority().name()),
                Petition.class);
    }

    @KafkaHandler
    void on(PetitionRoutingFailed event) {
        mongo.updateFirst(
                query(where("_id").is(event.petitionId().toString())),
                // A historical petition the rules cannot place is kept on the record, in no queue (ADR 0017).
                new Update().set("status", event.fromHistory() ? PetitionStatus.ARCHIVED : PetitionStatus.TRIAGE),
                Petition.class);
    }

    @KafkaHandler(isDefault = true)
    void ignore(PetitionEvent other) {
        // Other routing facts do not change what a portal sees yet.
    }
}
