package vn.gandan.notification.delivery;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What messages say about a petition, from its {@code PetitionSubmitted}: the tracking code the citizen was given,
 * its title and province. Nothing personal. Routing's events do not carry these, and may arrive first (another
 * topic), so messages are worded when they are sent, not when they are planned.
 */
@Document("petition_facts")
record PetitionFacts(@Id String petitionId, String trackingCode, String title, String provinceCode) {}
