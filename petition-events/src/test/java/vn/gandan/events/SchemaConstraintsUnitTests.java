package vn.gandan.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** The schemas constrain values, not only presence: codes, lengths, formats. */
class SchemaConstraintsUnitTests {

    static Stream<Arguments> invalidSubmissions() {
        return Stream.of(
                invalid("title longer than 200", s -> s.put("title", "đ".repeat(201))),
                invalid("empty title", s -> s.put("title", "")),
                invalid("description longer than 10000", s -> s.put("description", "ư".repeat(10_001))),
                invalid("province code of one digit", s -> place(s).put("provinceCode", "4")),
                invalid("province code as number", s -> place(s).put("provinceCode", 40)),
                invalid("commune code of four digits", s -> place(s).put("communeCode", "1760")),
                invalid("commune code with letters", s -> place(s).put("communeCode", "17605a")),
                invalid("place without province", s -> place(s).remove("provinceCode")),
                invalid("kind in upper case", s -> s.put("kind", "RECOMMENDATION")),
                invalid("unknown kind", s -> s.put("kind", "khieu_nai")),
                invalid("unknown channel", s -> s.put("channel", "zalo")),
                invalid("eventId not a uuid", s -> s.put("eventId", "3f6c2a1e")),
                invalid("petitionId not a uuid", s -> s.put("petitionId", "NA-2025-004217")),
                invalid("occurredAt not ISO-8601", s -> s.put("occurredAt", "15/09/2025 08:47")),
                invalid("receivedAt as epoch number", s -> s.put("receivedAt", 1757900000)),
                invalid("explicit null triageReason", s -> s.putNull("triageReason")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSubmissions")
    void rejectsAnInvalidSubmission(String what, Consumer<ObjectNode> mutation) {
        ObjectNode sample = Contracts.golden(EventType.PETITION_SUBMITTED);
        mutation.accept(sample);

        assertThat(Contracts.validate(EventType.PETITION_SUBMITTED, sample))
                .as(what)
                .isNotEmpty();
    }

    @Test
    void acceptsTheLongestTitleAndDescription() {
        ObjectNode sample = Contracts.golden(EventType.PETITION_SUBMITTED);
        sample.put("title", "Ơ".repeat(200));
        sample.put("description", "ờ".repeat(10_000));

        assertThat(Contracts.validate(EventType.PETITION_SUBMITTED, sample)).isEmpty();
    }

    @Test
    void acceptsEveryKindAndChannel() {
        for (PetitionKind kind : PetitionKind.values()) {
            for (Channel channel : Channel.values()) {
                ObjectNode sample = Contracts.golden(EventType.PETITION_SUBMITTED);
                sample.put("kind", kind.code());
                sample.put("channel", channel.code());

                assertThat(Contracts.validate(EventType.PETITION_SUBMITTED, sample))
                        .as("%s via %s", kind, channel)
                        .isEmpty();
            }
        }
    }

    @Test
    void authorityMayGovernAProvinceOrACommune() {
        ObjectNode sample = Contracts.golden(EventType.PETITION_ROUTED);
        ((ObjectNode) sample.get("authority")).put("adminUnitCode", "40");
        assertThat(Contracts.validate(EventType.PETITION_ROUTED, sample)).isEmpty();

        ((ObjectNode) sample.get("authority")).put("adminUnitCode", "401");
        assertThat(Contracts.validate(EventType.PETITION_ROUTED, sample)).isNotEmpty();
    }

    @Test
    void recipientIsAReferenceNeverAnAddress() {
        for (EventType type : new EventType[] {EventType.NOTIFICATION_SENT, EventType.NOTIFICATION_FAILED}) {
            ObjectNode sample = Contracts.golden(type);
            sample.put("recipient", "vanphong@hopminh.nghean.gov.vn");

            assertThat(Contracts.validate(type, sample)).as(type.typeName()).isNotEmpty();
        }
    }

    static Stream<Arguments> invalidDeadlines() {
        return Stream.of(
                invalid("step in upper case", d -> d.put("step", "ACCEPTANCE")),
                invalid("dueAt as a date only", d -> d.put("dueAt", "2025-10-17")),
                invalid("dueAt as epoch number", d -> d.put("dueAt", 1760720399)),
                invalid("policyId without version", d -> d.put("policyId", "recommendation.resolution")),
                invalid("policyId with a version that is no date", d -> d.put("policyId", "complaint.acceptance@v3")),
                invalid("deadline without step", d -> d.remove("step")),
                invalid("deadline without policyId", d -> d.remove("policyId")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDeadlines")
    void rejectsAnInvalidDeadlineWhereverOneIsCarried(String what, Consumer<ObjectNode> mutation) {
        for (EventType type : EventType.values()) {
            for (String field : new String[] {"deadline", "previous"}) {
                ObjectNode sample = Contracts.golden(type);
                if (sample.get(field) instanceof ObjectNode deadline) {
                    mutation.accept(deadline);

                    assertThat(Contracts.validate(type, sample))
                            .as("%s: %s %s", type.typeName(), field, what)
                            .isNotEmpty();
                }
            }
        }
    }

    @Test
    void aDeadlineStepIsAnOpenCode() {
        ObjectNode sample = Contracts.golden(EventType.PETITION_ACKNOWLEDGED);
        ((ObjectNode) sample.get("deadline")).put("step", "second_level_resolution");

        assertThat(Contracts.validate(EventType.PETITION_ACKNOWLEDGED, sample)).isEmpty();
    }

    @Test
    void aRejectionReasonIsAnOpenCodeAndItsExplanationIsRequiredText() {
        for (String reason : new String[] {
            PetitionRejected.NOT_COMPETENT,
            PetitionRejected.NOT_ACCEPTED,
            PetitionRejected.WITHDRAWN,
            PetitionRejected.DUPLICATE,
            "court_pending"
        }) {
            ObjectNode sample = Contracts.golden(EventType.PETITION_REJECTED);
            sample.put("reason", reason);
            assertThat(Contracts.validate(EventType.PETITION_REJECTED, sample))
                    .as(reason)
                    .isEmpty();
        }
        ObjectNode sample = Contracts.golden(EventType.PETITION_REJECTED);
        sample.put("reason", "Không đủ điều kiện thụ lý");
        assertThat(Contracts.validate(EventType.PETITION_REJECTED, sample)).isNotEmpty();

        sample = Contracts.golden(EventType.PETITION_REJECTED);
        sample.put("explanation", "");
        assertThat(Contracts.validate(EventType.PETITION_REJECTED, sample)).isNotEmpty();
    }

    @Test
    void aResponseIsAtMostTenThousandCharacters() {
        ObjectNode sample = Contracts.golden(EventType.PETITION_RESOLVED);
        sample.put("response", "ờ".repeat(10_000));
        assertThat(Contracts.validate(EventType.PETITION_RESOLVED, sample)).isEmpty();

        sample.put("response", "ờ".repeat(10_001));
        assertThat(Contracts.validate(EventType.PETITION_RESOLVED, sample)).isNotEmpty();

        sample.put("response", "");
        assertThat(Contracts.validate(EventType.PETITION_RESOLVED, sample)).isNotEmpty();
    }

    @Test
    void everyAuthorityOfATransferOrEscalationIsAnAuthority() {
        for (EventType type : new EventType[] {EventType.PETITION_TRANSFERRED, EventType.PETITION_ESCALATED}) {
            for (String field : new String[] {"from", "to"}) {
                ObjectNode sample = Contracts.golden(type);
                ((ObjectNode) sample.get(field)).remove("adminUnitCode");

                assertThat(Contracts.validate(type, sample))
                        .as("%s without %s.adminUnitCode", type.typeName(), field)
                        .isNotEmpty();
            }
        }
    }

    static Stream<Arguments> invalidConsents() {
        return Stream.of(
                invalid("no address at all", c -> c.remove(List.of("email", "sms", "zalo"))),
                invalid("sms in national form", c -> c.put("sms", "0912345678")),
                invalid("zalo with spaces", c -> c.put("zalo", "+84 912 345 678")),
                invalid("email that is no address", c -> c.put("email", "nguyen.van.an")),
                invalid("unknown language", c -> c.put("language", "fr")),
                invalid("language as a locale", c -> c.put("language", "vi-VN")),
                invalid("explicit null email", c -> c.putNull("email")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConsents")
    void rejectsAnInvalidConsent(String what, Consumer<ObjectNode> mutation) {
        ObjectNode sample = Contracts.golden(EventType.CITIZEN_NOTIFICATIONS_CONSENTED);
        mutation.accept(sample);

        assertThat(Contracts.validate(EventType.CITIZEN_NOTIFICATIONS_CONSENTED, sample))
                .as(what)
                .isNotEmpty();
    }

    @Test
    void aConsentNeedsOnlyOneAddress() {
        for (String kept : new String[] {"email", "sms", "zalo"}) {
            ObjectNode sample = Contracts.golden(EventType.CITIZEN_NOTIFICATIONS_CONSENTED);
            sample.remove(Stream.of("email", "sms", "zalo")
                    .filter(field -> !field.equals(kept))
                    .toList());
            sample.put("language", "en");

            assertThat(Contracts.validate(EventType.CITIZEN_NOTIFICATIONS_CONSENTED, sample))
                    .as("only %s", kept)
                    .isEmpty();
        }
    }

    private static Arguments invalid(String what, Consumer<ObjectNode> mutation) {
        return Arguments.of(what, mutation);
    }

    private static ObjectNode place(ObjectNode sample) {
        return (ObjectNode) sample.get("place");
    }
}
