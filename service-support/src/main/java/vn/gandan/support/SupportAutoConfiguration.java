package vn.gandan.support;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Small shared beans. */
@AutoConfiguration
public class SupportAutoConfiguration {

    /** Time is domain data: code asks this clock, so tests can set it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
