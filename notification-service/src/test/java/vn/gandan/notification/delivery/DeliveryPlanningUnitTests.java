package vn.gandan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.Deadline;
import vn.gandan.events.PetitionEscalated;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionOverdue;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.Place;

/** Rules, recipients, templates and quiet hours, without servers. */
class DeliveryPlanningUnitTests {

    static final AuthorityRef HOP_MINH = new AuthorityRef("ubnd-17605", "Ủy ban nhân dân Xã Hợp Minh", "17605");
    static final AuthorityRef NGHE_AN = new AuthorityRef("ubnd-40", "Ủy ban nhân dân Tỉnh Nghệ An", "40");
    static final Deadline DUE = new Deadline("reply", Instant.parse("2026-12-14T16:59:59Z"), "recommendation.reply@x");

    final NotificationProperties properties = new NotificationProperties(
            List.of(
                    new NotificationProperties.Rule("routed", "responder", List.of("email"), "new_case", false, false),
                    new NotificationProperties.Rule("overdue", "responder", List.of("email"), "overdue", true, false),
                    new NotificationProperties.Rule(
                            "escalated", "supervisor", List.of("email", "sms"), "escalation", false, true)),
            new NotificationProperties.Contacts(
                    Map.of(
                            "ubnd-40",
                            List.of(new NotificationProperties.Contact(
                                    "supervisor", "vanphong@nghean.gov.vn", "+84912000111"))),
                    "{authority}@thu-nghiem.gandan.vn"),
            Duration.ofMinutes(10),
            20,
            new NotificationProperties.QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0), Set.of("sms", "zalo")),
            new NotificationProperties.Dispatch(Duration.ofSeconds(1), 100, Duration.ofSeconds(60), 1),
            Map.of());

    /** No rule here is for portals or citizens, so no subscriptions or consents are asked for. */
    final NotificationPlanner planner = new NotificationPlanner(properties, null, null);

    @Test
    void aRoutedCaseNudgesTheAssignedAuthorityAtItsOffice() {
        var routed = new PetitionRouted(
                UUID.randomUUID(), PetitionId.random(), Instant.now(), HOP_MINH, new Place("40", "17605"), "r", 1, DUE);

        List<Intent> intents = planner.plan(routed);

        assertThat(intents).singleElement().satisfies(i -> {
            assertThat(i.recipient()).isEqualTo("authority:ubnd-17605");
            assertThat(i.address()).isEqualTo("ubnd-17605@thu-nghiem.gandan.vn");
            assertThat(i.purpose()).isEqualTo("new_case");
            assertThat(i.provinceCode()).isEqualTo("40");
            assertThat(i.params()).containsEntry("dueDate", "14/12/2026").containsEntry("step", "reply");
        });
    }

    @Test
    void anEscalationReachesTheParentsSupervisorsUrgentlyAndAnSmsWithoutAPhoneHasNoAddress() {
        var escalated = new PetitionEscalated(
                UUID.randomUUID(), PetitionId.random(), Instant.now(), HOP_MINH, NGHE_AN, DUE, "Quá hạn.");

        List<Intent> intents = planner.plan(escalated);

        assertThat(intents)
                .extracting(Intent::channel, Intent::address, Intent::urgent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("email", "vanphong@nghean.gov.vn", true),
                        org.assertj.core.groups.Tuple.tuple("sms", "+84912000111", true));
        assertThat(intents.get(0).recipient()).isEqualTo("authority:ubnd-40#supervisor");
        assertThat(intents.get(0).params()).containsEntry("fromAuthority", HOP_MINH.name());

        var overdue = new PetitionOverdue(UUID.randomUUID(), PetitionId.random(), Instant.now(), HOP_MINH, DUE);
        assertThat(planner.plan(overdue)).singleElement().satisfies(i -> assertThat(i.digest())
                .isTrue());
    }

    @Test
    void routingsDecisionOnAPetitionImportedFromAPortalsRecordsIsPlannedForNoOne() {
        var place = new Place("40", "17605");
        var live =
                new PetitionRouted(UUID.randomUUID(), PetitionId.random(), Instant.now(), HOP_MINH, place, "r", 1, DUE);
        var historical = new PetitionRouted(
                live.eventId(), live.petitionId(), live.occurredAt(), HOP_MINH, place, "r", 1, null, true);

        assertThat(planner.plan(live)).isNotEmpty();
        assertThat(planner.plan(historical)).isEmpty();
        // A routing failure reaches only portals and citizens, whose rules need the store: the flow tests plan it.
    }

    @Test
    void theSameTriggerRecipientAndChannelAlwaysGiveTheSameDeliveryId() {
        String event = UUID.randomUUID().toString();
        assertThat(NotificationPlanner.deliveryId(event, "authority:ubnd-17605", "email"))
                .isEqualTo(NotificationPlanner.deliveryId(event, "authority:ubnd-17605", "email"))
                .isNotEqualTo(NotificationPlanner.deliveryId(event, "authority:ubnd-17605", "sms"));
    }

    @Test
    void templatesFillTheFactsInTheLanguageAskedAndRefuseAMissingOne() {
        Templates templates = new Templates();
        Map<String, String> facts = Map.of(
                "trackingCode",
                "40-ABCD1234",
                "title",
                "Ngã tư ngập",
                "authority",
                HOP_MINH.name(),
                "dueDate",
                "14/12/2026",
                "step",
                "reply");

        var vi = templates.render("new_case", Locale.forLanguageTag("vi"), facts);
        var en = templates.render("new_case", Locale.ENGLISH, facts);

        assertThat(vi.subject()).isEqualTo("Vụ việc mới 40-ABCD1234: Ngã tư ngập");
        assertThat(vi.text()).contains("Hạn trả lời: 14/12/2026");
        assertThat(en.text()).startsWith("A new case has been assigned to Ủy ban nhân dân Xã Hợp Minh");
        assertThatThrownBy(() -> templates.render("new_case", Locale.ENGLISH, Map.of("title", "x")))
                .isInstanceOf(Templates.TemplateException.class)
                .hasMessageContaining("needs");
        assertThatThrownBy(() -> templates.render("no_such_purpose", Locale.ENGLISH, facts))
                .hasMessageContaining("template_missing");
    }

    @Test
    void quietHoursWrapAroundMidnight() {
        LocalTime start = LocalTime.of(21, 0);
        LocalTime end = LocalTime.of(7, 0);
        assertThat(DeliveryGate.isQuiet(LocalTime.of(22, 30), start, end)).isTrue();
        assertThat(DeliveryGate.isQuiet(LocalTime.of(6, 59), start, end)).isTrue();
        assertThat(DeliveryGate.isQuiet(LocalTime.of(7, 0), start, end)).isFalse();
        assertThat(DeliveryGate.isQuiet(LocalTime.of(12, 0), start, end)).isFalse();
        assertThat(DeliveryGate.isQuiet(LocalTime.of(12, 0), LocalTime.of(11, 0), LocalTime.of(13, 0)))
                .isTrue();
    }
}
