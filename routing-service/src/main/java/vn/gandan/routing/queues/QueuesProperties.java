package vn.gandan.routing.queues;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the queues are counted.
 *
 * @param dueSoon a case whose deadline falls within this much of now (and has not passed) counts as due soon
 * @param gaugeInterval how often the queue gauges are recounted; the gauges never query per scrape
 */
@ConfigurationProperties("gandan.routing.queues")
record QueuesProperties(
        @DefaultValue("2d") Duration dueSoon,
        @DefaultValue("30s") Duration gaugeInterval) {}
