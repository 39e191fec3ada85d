package vn.gandan.support.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Tags every meter with the service and the province it serves, resumes stored traces, and keeps scrapes and
 * probes out of the exported spans.
 */
@AutoConfiguration
public class ObservabilityAutoConfiguration {

    /**
     * {@code service} is {@code spring.application.name}; {@code province} is {@code gandan.province}, the province
     * code of a deployment that serves one, {@code all} for one that serves every province. A meter's own {@code
     * province} tag (a per-province gauge) wins over this one.
     */
    @Bean
    MeterRegistryCustomizer<MeterRegistry> gandanCommonTags(
            @Value("${spring.application.name:unnamed}") String service,
            @Value("${gandan.province:all}") String province) {
        return registry -> registry.config().commonTags("service", service, "province", province);
    }

    @Bean
    StoredTraces storedTraces(ObjectProvider<ObservationRegistry> registry) {
        return new StoredTraces(registry.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /**
     * Prometheus scrapes and orchestrator probes every few seconds would bury the petitions' traces; their timings
     * stay in {@code http_server_requests_seconds}.
     */
    @Bean
    SpanExportingPredicate noActuatorSpans() {
        return span -> {
            String url = span.getTags().getOrDefault("http.url", "");
            String uri = span.getTags().getOrDefault("uri", "");
            return !(url.startsWith("/actuator") || uri.startsWith("/actuator"));
        };
    }
}
