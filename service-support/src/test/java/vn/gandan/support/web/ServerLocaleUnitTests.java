package vn.gandan.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Whatever the server's own locale, bean-validation messages and a service's messages are English for an English
 * caller and Vietnamese for a Vietnamese one: the validator is built as Spring Boot builds it, with the test
 * application's messages*.properties and gandan-common.yml's spring.messages settings.
 */
class ServerLocaleUnitTests {

    record Form(
            @NotNull String name,
            @Size(min = 1, max = 5) String code,
            @DecimalMin("0.5") BigDecimal amount,

            @Pattern(regexp = "[0-9]{5}", message = "{gandan.test.commune.code}")
            String communeCode,

            @Email String email,
            @PastOrPresent Instant receivedAt) {}

    private static final Form invalid = new Form(
            null,
            "too long",
            new BigDecimal("0.1"),
            "176",
            "not an address",
            Instant.now().plusSeconds(3600));

    @ParameterizedTest(name = "server locale {0}")
    @ValueSource(strings = {"en-US", "vi-VN", "vi", "de-DE", "fr"})
    void anEnglishCallerGetsEnglish(String serverLocale) {
        assertThat(messagesOnAServerIn(serverLocale, Languages.ENGLISH))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "name", "must not be null",
                        "code", "size must be between 1 and 5",
                        "amount", "must be greater than or equal to 0.5",
                        "communeCode", "must be a 5-digit commune code",
                        "email", "must be a well-formed email address",
                        "receivedAt", "must be a date in the past or in the present"));
    }

    @ParameterizedTest(name = "server locale {0}")
    @ValueSource(strings = {"en-US", "vi-VN", "de-DE", "fr"})
    void aVietnameseCallerGetsVietnamese(String serverLocale) {
        assertThat(messagesOnAServerIn(serverLocale, Languages.VIETNAMESE))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "name", "không được để trống",
                        "code", "độ dài phải từ 1 đến 5",
                        "amount", "phải lớn hơn hoặc bằng 0.5",
                        "communeCode", "phải là mã xã, phường gồm 5 chữ số",
                        "email", "phải là địa chỉ email hợp lệ",
                        "receivedAt", "phải là thời điểm trong quá khứ hoặc hiện tại"));
    }

    private static Map<String, String> messagesOnAServerIn(String serverLocale, Locale caller) {
        Locale jvm = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag(serverLocale));
        ResourceBundle.clearCache(Thread.currentThread().getContextClassLoader());
        LocaleContextHolder.setLocale(caller);
        try (var validator = new LocalValidatorFactoryBean()) {
            validator.setMessageInterpolator(new MessageInterpolatorFactory(serviceMessages()).getObject());
            validator.afterPropertiesSet();
            Map<String, String> messages = new TreeMap<>();
            validator
                    .getValidator()
                    .validate(invalid)
                    .forEach(v -> messages.put(v.getPropertyPath().toString(), v.getMessage()));
            return messages;
        } finally {
            LocaleContextHolder.resetLocaleContext();
            Locale.setDefault(jvm);
            ResourceBundle.clearCache(Thread.currentThread().getContextClassLoader());
        }
    }

    /** The service's MessageSource as Spring Boot makes it from gandan-common.yml's spring.messages settings. */
    private static ResourceBundleMessageSource serviceMessages() {
        var yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("gandan-common.yml"));
        Properties common = yaml.getObject();
        String fallback = common.getProperty("spring.messages.fallback-to-system-locale");
        assertThat(fallback).as("spring.messages.fallback-to-system-locale").isEqualTo("false");

        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(Boolean.parseBoolean(fallback));
        return messages;
    }
}
