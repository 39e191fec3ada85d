package vn.gandan.routing.cases;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.gandan.events.PetitionKind;

/**
 * How routing runs cases.
 *
 * @param remoteCommunes communes in remote or difficult areas, where the law grants longer limits (official lists
 *     are decided per province; empty until a province supplies its own)
 * @param approachingLead how long before a deadline {@code PetitionDeadlineApproaching} is emitted
 * @param escalateAfter per kind, how long after a missed deadline the case goes to the parent authority; a kind
 *     that is absent is never escalated
 * @param pollInterval how often the deadline scheduler looks for due alerts
 * @param batchSize how many due cases one round of the scheduler handles
 * @param lease how long one instance owns a due case before another may take it over
 */
@ConfigurationProperties("gandan.routing.cases")
public record CasesProperties(
        @DefaultValue Set<String> remoteCommunes,
        @DefaultValue("2d") Duration approachingLead,
        @DefaultValue Map<PetitionKind, Duration> escalateAfter,
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("60s") Duration lease) {}
