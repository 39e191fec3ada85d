package vn.gandan.support.testapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal service built on service-support, the way a real gandan service uses it: the library arrives by
 * auto-configuration only (it lives outside this package, so nothing of it is component-scanned).
 */
@SpringBootApplication
public class SupportTestApplication {

    public static void main(String[] args) {
        SpringApplication.run(SupportTestApplication.class, args);
    }
}
