package vn.gandan.support.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Replaces Boot's MongoDB health check, whose {@code hello} command the embedded store does not know, with a
 * {@code ping} that real MongoDB and mongo-java-server both answer. Same bean name, so Boot backs off.
 */
@AutoConfiguration(
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class MongoHealthAutoConfiguration {

    /**
     * A request fails fast with a 503 when MongoDB is unreachable, rather than hanging for the driver's default
     * 30 s.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer failFastWhenStoreIsDown(
            @Value("${gandan.mongodb.server-selection-timeout:5s}") Duration timeout) {
        return settings -> settings.applyToClusterSettings(
                cluster -> cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean(name = "mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                Document answer = mongo.executeCommand(new Document("ping", 1));
                builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
            }
        };
    }
}
