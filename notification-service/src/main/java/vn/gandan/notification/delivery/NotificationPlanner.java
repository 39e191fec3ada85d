package vn.gandan.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.CitizenNotificationsConsented;
import vn.gandan.events.Deadline;
import vn.gandan.events.PetitionAcknowledged;
import vn.gandan.events.PetitionClockPaused;
import vn.gandan.events.PetitionClockResumed;
import vn.gandan.events.PetitionClosed;
import vn.gandan.events.PetitionDeadlineApproaching;
import vn.gandan.events.PetitionDeadlineExtended;
import vn.gandan.events.PetitionEscalated;
import vn.gandan.events.PetitionEventCodec;
import vn.gandan.events.PetitionOverdue;
import vn.gandan.events.PetitionRejected;
import vn.gandan.events.PetitionReopened;
import vn.gandan.events.PetitionResolved;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionRoutingFailed;
import vn.gandan.events.PetitionTransferred;
import vn.gandan.events.RoutingEvent;
import vn.gandan.notification.channel.OutgoingMessage;
import vn.gandan.notification.webhook.Subscription;
import vn.gandan.notification.webhook.WebhookSubscriptions;

/**
 * Turns a routing event into the deliveries the configured rules call for: the authority holding the case, the
 * supervisors an escalation reaches, the province's portals. Pure: it reads the rules, contacts and subscriptions
 * and records nothing. Nothing at all for a petition imported from a portal's records (ADR 0017).
 */
@Component
class NotificationPlanner {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** The audience of citizens who agreed to be told, and the trigger of their first message. */
    static final String CITIZEN = "citizen";

    static final String RECEIVED = "received";

    private final NotificationProperties properties;
    private final WebhookSubscriptions portals;
    private final CitizenContactsStore citizens;
    private final PetitionEventCodec codec = new PetitionEventCodec();

    NotificationPlanner(
            NotificationProperties properties, WebhookSubscriptions portals, CitizenContactsStore citizens) {
        this.properties = properties;
        this.portals = portals;
        this.citizens = citizens;
    }

    /**
     * What a citizen who has just agreed to be told is sent: that the petition was received, with its tracking
     * code. Routing's events reach them through the {@code citizen} rules.
     */
    List<Intent> plan(CitizenNotificationsConsented consent, String provinceCode) {
        CitizenContacts contacts = CitizenContacts.of(consent);
        List<Intent> intents = new ArrayList<>();
        for (NotificationProperties.Rule rule : properties.rules()) {
            if (rule.event().equals(RECEIVED) && rule.audience().equals(CITIZEN)) {
                Map<String, String> facts = new LinkedHashMap<>();
                facts.put("trackingCode", consent.trackingCode());
                addCitizen(
                        intents,
                        rule,
                        contacts,
                        consent.petitionId().toString(),
                        provinceCode,
                        consent.eventId().toString(),
                        RECEIVED,
                        facts);
            }
        }
        return intents;
    }

    List<Intent> plan(RoutingEvent event) {
        if (event.fromHistory()) {
            // ADR 0017: a petition imported from a portal's records is on the record only; no one is told of it,
            // whatever the rules say (responder, supervisor, portal, citizen).
            return List.of();
        }
        String type = shortType(event);
        String province = provinceOf(event);
        List<Intent> intents = new ArrayList<>();
        for (NotificationProperties.Rule rule : properties.rules()) {
            if (!rule.event().equals(type) && !rule.event().equals("*")) {
                continue;
            }
            if (rule.audience().equals(CITIZEN)) {
                // Only a citizen who agreed, only on the channels they chose.
                citizens.findById(event.petitionId().toString())
                        .ifPresent(contacts -> addCitizen(
                                intents,
                                rule,
                                contacts,
                                event.petitionId().toString(),
                                province,
                                event.eventId().toString(),
                                type,
                                facts(event, holder(event).orElse(null))));
                continue;
            }
            for (String channel : rule.channels()) {
                switch (rule.audience()) {
                    case "responder" ->
                        holder(event)
                                .ifPresent(
                                        a -> intents.add(toAuthority(event, rule, channel, a, "responder", province)));
                    case "supervisor" ->
                        escalatedTo(event)
                                .ifPresent(
                                        a -> intents.add(toAuthority(event, rule, channel, a, "supervisor", province)));
                    case "portal" -> {
                        if (province != null) {
                            portals.activeFor(province).stream()
                                    .map(Subscription::id)
                                    .forEach(id -> intents.add(toPortal(event, rule, channel, id, province)));
                        }
                    }
                    default -> throw new IllegalStateException("unknown audience " + rule.audience());
                }
            }
        }
        return intents;
    }

    private void addCitizen(
            List<Intent> intents,
            NotificationProperties.Rule rule,
            CitizenContacts contacts,
            String petitionId,
            String province,
            String triggerEventId,
            String triggerType,
            Map<String, String> facts) {
        for (String channel : rule.channels()) {
            contacts.on(channel)
                    .ifPresent(address -> intents.add(new Intent(
                            petitionId,
                            province,
                            triggerEventId,
                            triggerType,
                            rule.purpose(),
                            CITIZEN,
                            "citizen:" + petitionId,
                            channel,
                            address,
                            null,
                            null,
                            Locale.forLanguageTag(contacts.language()),
                            channel.equals("zalo") ? properties.zaloTemplates().get(rule.purpose()) : rule.purpose(),
                            facts,
                            null,
                            rule.digest(),
                            rule.urgent())));
        }
    }

    private Intent toAuthority(
            RoutingEvent event,
            NotificationProperties.Rule rule,
            String channel,
            AuthorityRef authority,
            String role,
            String province) {
        String recipient = "authority:" + authority.id() + (role.equals("supervisor") ? "#supervisor" : "");
        return new Intent(
                event.petitionId().toString(),
                province,
                event.eventId().toString(),
                shortType(event),
                rule.purpose(),
                role,
                recipient,
                channel,
                address(authority.id(), role, channel),
                null,
                null,
                VIETNAMESE,
                rule.purpose(),
                facts(event, authority),
                null,
                rule.digest(),
                rule.urgent());
    }

    private Intent toPortal(
            RoutingEvent event,
            NotificationProperties.Rule rule,
            String channel,
            String subscriptionId,
            String province) {
        var type = event.type();
        var payload = new OutgoingMessage.CloudEventPayload(
                event.eventId().toString(),
                type.typeName(),
                type.source().toString(),
                event.petitionId().toString(),
                event.occurredAt().toString(),
                codec.toJson(event));
        return new Intent(
                event.petitionId().toString(),
                province,
                event.eventId().toString(),
                shortType(event),
                rule.purpose(),
                "portal",
                "webhook:" + subscriptionId,
                channel,
                subscriptionId,
                null,
                null,
                VIETNAMESE,
                null,
                Map.of(),
                payload,
                false,
                true);
    }

    /** The office's address for that channel, or null: the delivery then fails with {@code no_contact}. */
    private String address(String authorityId, String role, String channel) {
        var contacts = properties.contacts().authorities().getOrDefault(authorityId, List.of());
        Optional<String> configured = contacts.stream()
                .filter(c -> role.equals(c.role()))
                .map(c -> channel.equals("email") ? c.email() : c.phone())
                .filter(a -> a != null && !a.isBlank())
                .findFirst();
        if (configured.isPresent()) {
            return configured.get();
        }
        String pattern = properties.contacts().defaultEmail();
        if (channel.equals("email") && pattern != null && !pattern.isBlank()) {
            return pattern.replace(
                    "{authority}", role.equals("supervisor") ? authorityId + "-supervisor" : authorityId);
        }
        return null;
    }

    /** The facts the event itself gives; the petition's tracking code and title are added when it is sent. */
    static Map<String, String> facts(RoutingEvent event, AuthorityRef authority) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (authority != null) {
            facts.put("authority", authority.name());
        }
        deadline(event).ifPresent(d -> {
            facts.put("dueDate", DATE.format(d.dueAt().atZone(VIETNAM)));
            facts.put("step", d.step());
        });
        if (event instanceof PetitionTransferred t) {
            facts.put("fromAuthority", t.from().name());
            facts.put("reason", t.reason());
        } else if (event instanceof PetitionEscalated e) {
            facts.put("fromAuthority", e.from().name());
            facts.put("reason", e.reason());
        } else if (event instanceof PetitionResolved e) {
            facts.put("response", e.response());
        } else if (event instanceof PetitionRejected e) {
            facts.put("reason", e.explanation());
        }
        return facts;
    }

    /** The authority that holds the case after the event; none for a case in triage. */
    static Optional<AuthorityRef> holder(RoutingEvent event) {
        AuthorityRef holder = null;
        if (event instanceof PetitionRouted e) {
            holder = e.authority();
        } else if (event instanceof PetitionTransferred e) {
            holder = e.to();
        } else if (event instanceof PetitionEscalated e) {
            holder = e.to();
        } else if (event instanceof PetitionAcknowledged e) {
            holder = e.authority();
        } else if (event instanceof PetitionDeadlineExtended e) {
            holder = e.authority();
        } else if (event instanceof PetitionClockPaused e) {
            holder = e.authority();
        } else if (event instanceof PetitionClockResumed e) {
            holder = e.authority();
        } else if (event instanceof PetitionResolved e) {
            holder = e.authority();
        } else if (event instanceof PetitionRejected e) {
            holder = e.authority();
        } else if (event instanceof PetitionClosed e) {
            holder = e.authority();
        } else if (event instanceof PetitionReopened e) {
            holder = e.authority();
        } else if (event instanceof PetitionDeadlineApproaching e) {
            holder = e.authority();
        } else if (event instanceof PetitionOverdue e) {
            holder = e.authority();
        }
        return Optional.ofNullable(holder);
    }

    private static Optional<AuthorityRef> escalatedTo(RoutingEvent event) {
        return event instanceof PetitionEscalated e ? Optional.of(e.to()) : Optional.empty();
    }

    private static Optional<Deadline> deadline(RoutingEvent event) {
        Deadline deadline = null;
        if (event instanceof PetitionRouted e) {
            deadline = e.deadline();
        } else if (event instanceof PetitionTransferred e) {
            deadline = e.deadline();
        } else if (event instanceof PetitionEscalated e) {
            deadline = e.deadline();
        } else if (event instanceof PetitionAcknowledged e) {
            deadline = e.deadline();
        } else if (event instanceof PetitionDeadlineExtended e) {
            deadline = e.deadline();
        } else if (event instanceof PetitionClockResumed e) {
            deadline = e.deadline();
        } else if (event instanceof PetitionReopened e) {
            deadline = e.deadline();
        } else if (event instanceof PetitionDeadlineApproaching e) {
            deadline = e.deadline();
        } else if (event instanceof PetitionOverdue e) {
            deadline = e.deadline();
        }
        return Optional.ofNullable(deadline);
    }

    /** The province of the case: where routing placed it, or where the authority holding it governs. */
    static String provinceOf(RoutingEvent event) {
        if (event instanceof PetitionRouted r) {
            return r.place().provinceCode();
        }
        if (event instanceof PetitionRoutingFailed f) {
            return f.place().provinceCode();
        }
        return holder(event)
                .map(AuthorityRef::adminUnitCode)
                .map(code -> code.length() == 2
                        ? code
                        : AdminUnits.official()
                                .commune(code)
                                .map(c -> c.provinceCode())
                                .orElse(null))
                .orElse(null);
    }

    /** {@code routed} for {@code vn.gandan.petition.routed.v1}. */
    static String shortType(RoutingEvent event) {
        String name = event.type().typeName();
        return name.substring("vn.gandan.petition.".length(), name.lastIndexOf(".v"));
    }

    /** The same (trigger, recipient, channel) always gives the same id: the idempotency key of a delivery. */
    static String deliveryId(String triggerEventId, String recipient, String channel) {
        return UUID.nameUUIDFromBytes(
                        (triggerEventId + "|" + recipient + "|" + channel).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
