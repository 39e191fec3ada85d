package vn.gandan.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Hands the servers' addresses to Spring before any Kafka or MongoDB bean is built. */
@TestConfiguration(proxyBeanMethods = false)
class RealInfrastructureConfiguration {

    @Bean
    static DynamicPropertyRegistrar realInfrastructureProperties() {
        return registry -> {
            TestInfrastructure.Servers servers = TestInfrastructure.servers();
            registry.add("spring.kafka.bootstrap-servers", servers::kafkaBootstrapServers);
            registry.add("spring.mongodb.uri", servers::mongoUri);
        };
    }
}
