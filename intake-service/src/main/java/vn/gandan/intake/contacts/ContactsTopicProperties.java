package vn.gandan.intake.contacts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long {@code gandan.intake.contacts.v1} keeps what it holds. Applied when intake creates the topic; a topic
 * that exists already keeps its configuration (change it with the broker's tools).
 *
 * @param retention how long any record stays at all: the consent of a petition long closed is no longer needed
 *     (365 days by default, past the resolution, extension and second-level time limits of a typical case)
 * @param maxCompactionLag how long a consent may stay in the log once a withdrawal under the same key replaced it
 *     (1 day by default)
 */
@ConfigurationProperties("gandan.intake.contacts")
public record ContactsTopicProperties(Duration retention, Duration maxCompactionLag) {

    public ContactsTopicProperties {
        retention = retention != null ? retention : Duration.ofDays(365);
        maxCompactionLag = maxCompactionLag != null ? maxCompactionLag : Duration.ofDays(1);
    }
}
