package vn.gandan.support.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBody the largest request body accepted (413 above it)
 * @param portalRequests calls one portal may make per {@code portalPeriod} (429 above it, with Retry-After)
 * @param portalPeriod the period of that allowance
 */
@ConfigurationProperties("gandan.limits")
public record RequestLimitsProperties(DataSize maxBody, int portalRequests, Duration portalPeriod) {

    public RequestLimitsProperties {
        maxBody = maxBody != null ? maxBody : DataSize.ofMegabytes(10);
        portalRequests = portalRequests > 0 ? portalRequests : 50;
        portalPeriod = portalPeriod != null ? portalPeriod : Duration.ofSeconds(1);
    }
}
