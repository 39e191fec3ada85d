package vn.gandan.intake.repeats;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param window how far back an earlier petition counts as repeated
 * @param similarity the text similarity (0 to 1) from which petitions about the same place and category are linked
 * @param keep how many recent petitions are remembered per place and category, and per citizen
 * @param citizenKey the secret that keys citizen pseudonyms; set it in production, and never change it lightly
 */
@ConfigurationProperties("gandan.intake.repeats")
public record RepeatProperties(Duration window, double similarity, int keep, String citizenKey) {

    public RepeatProperties {
        window = window != null ? window : Duration.ofDays(90);
        similarity = similarity > 0 ? similarity : 0.5;
        keep = keep > 0 ? keep : 20;
    }
}
