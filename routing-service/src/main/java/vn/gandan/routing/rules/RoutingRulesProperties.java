package vn.gandan.routing.rules;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param refreshInterval how often an instance checks the store's revision counter: a change made on another
 *     instance decides here within it (a change made here decides at once)
 * @param simulationMaxPetitions how many stored petitions one what-if simulation evaluates at most
 * @param simulationMaxChanges the largest {@code limit} of listed changes a simulation accepts
 */
@ConfigurationProperties("gandan.routing.rules")
public record RoutingRulesProperties(
        Duration refreshInterval, Integer simulationMaxPetitions, Integer simulationMaxChanges) {

    public RoutingRulesProperties {
        refreshInterval = refreshInterval != null ? refreshInterval : Duration.ofSeconds(10);
        simulationMaxPetitions = simulationMaxPetitions != null ? simulationMaxPetitions : 100_000;
        simulationMaxChanges = simulationMaxChanges != null ? simulationMaxChanges : 1_000;
    }

    static RoutingRulesProperties defaults() {
        return new RoutingRulesProperties(null, null, null);
    }
}
