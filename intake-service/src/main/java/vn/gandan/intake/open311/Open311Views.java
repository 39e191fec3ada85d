package vn.gandan.intake.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The GeoReport v2 documents, field for field in the spec's order; names become snake_case. */
final class Open311Views {

    private Open311Views() {}

    record Discovery(String changeset, String contact, String keyService, List<Endpoint> endpoints) {}

    /** @param type {@code production} or {@code test} */
    record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {}

    record Service(
            String serviceCode,
            String serviceName,
            String description,
            boolean metadata,
            String type,
            String keywords,
            String group) {}

    record ServiceDefinition(String serviceCode, List<Attribute> attributes) {}

    record Attribute(
            boolean variable,
            String code,
            String datatype,
            boolean required,
            String datatypeDescription,
            int order,
            String description,
            List<Value> values) {}

    record Value(String key, String name) {}

    /** The answer to {@code POST requests}: created at once, so an id and never a token. */
    record Created(String serviceRequestId, String serviceNotice, String accountId) {}

    record Token(String serviceRequestId, String token) {}

    /** One service request as {@code GET requests} shows it; datetimes in w3 format with their offset. */
    record ServiceRequest(
            String serviceRequestId,
            String status,
            String statusNotes,
            String serviceName,
            String serviceCode,
            String description,
            String agencyResponsible,
            String serviceNotice,
            String requestedDatetime,
            String updatedDatetime,
            String expectedDatetime,
            String address,
            String addressId,
            String zipcode,
            @JsonProperty("lat") Double latitude,
            @JsonProperty("long") Double longitude,
            String mediaUrl) {}
}
