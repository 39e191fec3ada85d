package vn.gandan.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Which channels exist as beans, from settings alone: the dispatcher collects them by name. */
class ChannelBeansTests {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = DeliveryChannel.class)
    static class Channels {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Channels.class)
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class));

    @Test
    void withoutSettingsThereAreNoChannels() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DeliveryChannel.class);
        });
    }

    @Test
    void eachConfiguredProviderIsAChannelNamedAsDeliveriesRecordIt() {
        runner.withPropertyValues(
                        "spring.mail.host=127.0.0.1",
                        "gandan.notification.channels.sms.url=http://127.0.0.1:9/sms",
                        "gandan.notification.channels.sms.token=t",
                        "gandan.notification.channels.zalo.url=http://127.0.0.1:9/zns",
                        "gandan.notification.channels.zalo.access-token=t")
                .run(context -> {
                    assertThat(context.getBeansOfType(DeliveryChannel.class).values())
                            .extracting(DeliveryChannel::name)
                            .containsExactlyInAnyOrder("email", "sms", "zalo");
                    // Their circuits report to the meter registry, as /actuator/prometheus shows them.
                    assertThat(context.getBean(MeterRegistry.class)
                                    .find("resilience4j.circuitbreaker.state")
                                    .tag("name", "sms")
                                    .gauges())
                            .isNotEmpty();
                });
    }

    @Test
    void aGatewayWithoutTokenStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("gandan.notification.channels.sms.url=http://127.0.0.1:9/sms")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gandan.notification.channels.sms.token must be set"));
    }

    @Test
    void aBadPolicyStopsTheStartNamingTheSetting() {
        runner.withPropertyValues(
                        "gandan.notification.channels.zalo.url=http://127.0.0.1:9/zns",
                        "gandan.notification.channels.zalo.access-token=t",
                        "gandan.notification.channels.zalo.resilience.circuit-breaker.failure-rate=150")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("circuit-breaker.failure-rate"));
    }
}
