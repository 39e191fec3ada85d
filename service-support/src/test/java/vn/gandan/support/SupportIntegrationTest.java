package vn.gandan.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.gandan.support.testapp.SupportTestApplication;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * The test application on a random port, local profile (demo portal key and users), against the real Kafka broker
 * and MongoDB-protocol server. Every class carrying only this annotation shares one cached Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
public @interface SupportIntegrationTest {}
