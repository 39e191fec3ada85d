package vn.gandan.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ProblemMessagesUnitTests {

    private static final Locale VI = Languages.VIETNAMESE;
    private static final Locale EN = Languages.ENGLISH;

    private final ProblemMessages support = ProblemMessages.supportOnly();

    @Test
    void serviceSupportsTextsAreInBothLanguages() {
        Reason detail = Reason.of(InvalidRequestException.INVALID_FIELDS);

        assertThat(support.text(detail, EN)).isEqualTo("The request has invalid fields.");
        assertThat(support.text(detail, VI)).isEqualTo("Yêu cầu có trường không hợp lệ.");
        assertThat(support.text(Reason.of("gandan.problem.api-key-invalid", "X-Api-Key"), VI))
                .isEqualTo("Khóa API trong X-Api-Key không hợp lệ.");
        assertThat(support.text(Reason.of("gandan.problem.body-too-large", "10 MB"), EN))
                .isEqualTo("The request body is larger than 10 MB.");
    }

    @Test
    void aPlainTextPassesThroughInEveryLanguage() {
        Reason plain = Reason.text("no commune has code {0}, it's '99999'");

        assertThat(support.text(plain, EN)).isEqualTo("no commune has code {0}, it's '99999'");
        assertThat(support.text(plain, VI)).isEqualTo("no commune has code {0}, it's '99999'");
    }

    @Test
    void anUnknownCodeIsAnsweredAsTheCode() {
        assertThat(support.text(Reason.of("gandan.nowhere", 1), VI)).isEqualTo("gandan.nowhere");
        assertThatThrownBy(() -> support.getMessage("gandan.nowhere", null, EN))
                .isInstanceOf(NoSuchMessageException.class);
        assertThat(support.getMessage("gandan.nowhere", null, "fallback", EN)).isEqualTo("fallback");
    }

    @Test
    void theServicesMessagesComeFirstThenServiceSupports() {
        var service = new StaticMessageSource();
        service.addMessage("gandan.problem.invalid-fields", VI, "Một số trường chưa đúng.");
        service.addMessage("gandan.intake.category.unknown", VI, "không có trong danh mục ({0})");
        var messages = new ProblemMessages(service);

        assertThat(messages.text(Reason.of("gandan.problem.invalid-fields"), VI))
                .isEqualTo("Một số trường chưa đúng.");
        assertThat(messages.text(Reason.of("gandan.problem.invalid-fields"), EN))
                .isEqualTo("The request has invalid fields.");
        assertThat(messages.text(Reason.of("gandan.intake.category.unknown", "x-1"), VI))
                .isEqualTo("không có trong danh mục (x-1)");
        assertThat(messages.text(Reason.of("gandan.problem.wrong-type"), VI))
                .isEqualTo("sai kiểu dữ liệu hoặc sai định dạng");
    }

    @Test
    void anArgumentMayItselfBeAReasonInTheSameLanguage() {
        var service = new StaticMessageSource();
        service.addMessage("gandan.intake.citizen.name.required", VI, "là bắt buộc đối với {0} ({1})");
        service.addMessage("gandan.intake.kind.complaint", VI, "đơn khiếu nại");
        service.addMessage("gandan.intake.law.complaints", VI, "Luật Khiếu nại 2011, Điều 8");

        assertThat(new ProblemMessages(service)
                        .text(
                                Reason.of(
                                        "gandan.intake.citizen.name.required",
                                        Reason.of("gandan.intake.kind.complaint"),
                                        Reason.of("gandan.intake.law.complaints")),
                                VI))
                .isEqualTo("là bắt buộc đối với đơn khiếu nại (Luật Khiếu nại 2011, Điều 8)");
    }

    @Test
    void aServiceAnsweringCodesForMissingMessagesDoesNotHideServiceSupports() {
        var service = new StaticMessageSource();
        service.setUseCodeAsDefaultMessage(true);

        assertThat(new ProblemMessages(service).text(Reason.of("gandan.problem.invalid-fields"), VI))
                .isEqualTo("Yêu cầu có trường không hợp lệ.");
    }

    @Test
    void aResolvableTakesItsFirstKnownCodeElseItsDefaultMessageAsItIs() {
        var typeMismatch = new DefaultMessageSourceResolvable(
                new String[] {"typeMismatch.note.priority", "typeMismatch"}, null, "Failed to convert");
        var unknown = new DefaultMessageSourceResolvable(new String[] {"NotBlank.title"}, null, "phải có '{0}'");

        assertThat(support.getMessage(typeMismatch, VI)).isEqualTo("sai kiểu dữ liệu hoặc sai định dạng");
        assertThat(support.getMessage(unknown, VI)).isEqualTo("phải có '{0}'");
    }

    @Test
    void titlesAreTheStatusPhraseInTheCallersLanguage() {
        assertThat(support.title(HttpStatus.UNAUTHORIZED, EN)).isEqualTo("Unauthorized");
        assertThat(support.title(HttpStatus.UNAUTHORIZED, VI)).isEqualTo("Chưa xác thực");
        assertThat(support.title(HttpStatus.CONTENT_TOO_LARGE, VI)).isEqualTo("Nội dung quá lớn");
        // A status without a Vietnamese title keeps its English phrase; an unknown one its number.
        assertThat(support.title(HttpStatus.PAYMENT_REQUIRED, VI)).isEqualTo("Payment Required");
        assertThat(support.title(HttpStatusCode.valueOf(499), VI)).isEqualTo("499");
    }

    @Test
    void theServersOwnLocaleNeverLeaksIn() {
        Locale jvm = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("vi-VN"));
            var messages = new ProblemMessages(new StaticMessageSource());

            assertThat(messages.text(Reason.of("gandan.problem.body-not-json"), EN))
                    .isEqualTo("The request body is not valid JSON.");
            assertThat(messages.title(HttpStatus.BAD_REQUEST, EN)).isEqualTo("Bad Request");
            // Outside a request: English, whatever the server's locale.
            assertThat(messages.locale()).isEqualTo(EN);
        } finally {
            Locale.setDefault(jvm);
        }
    }

    @Test
    void theLocaleOfTheBoundRequestIsByItsAcceptLanguage() {
        var request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "vi-VN,vi;q=0.9");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            assertThat(support.locale()).isEqualTo(VI);
            assertThat(support.text(Reason.of("gandan.problem.body-not-json")))
                    .isEqualTo("Nội dung yêu cầu không phải là JSON hợp lệ.");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void theOlderConstructorsKeepTheirPlainTexts() {
        var oneField = new InvalidRequestException("from", "is after to");
        var conflict = new InvalidRequestException(
                HttpStatus.CONFLICT,
                "This Idempotency-Key was already used for a different petition (p-1).",
                List.of(new ProblemDetailsAutoConfiguration.FieldError("Idempotency-Key", "was used before")));

        assertThat(oneField.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(support.text(oneField.detail(), VI)).isEqualTo("Yêu cầu có trường không hợp lệ.");
        assertThat(support.errors(oneField.reasons(), VI))
                .containsExactly(new ProblemDetailsAutoConfiguration.FieldError("from", "is after to"));
        assertThat(conflict.getMessage())
                .isEqualTo("This Idempotency-Key was already used for a different petition (p-1).");
        assertThat(support.text(conflict.detail(), VI))
                .isEqualTo("This Idempotency-Key was already used for a different petition (p-1).");
        assertThat(conflict.errors())
                .containsExactly(new ProblemDetailsAutoConfiguration.FieldError("Idempotency-Key", "was used before"));
    }

    @Test
    void aCodedExceptionIsResolvedWhenAnswered() {
        var service = new StaticMessageSource();
        service.addMessage("gandan.intake.category.unknown", EN, "is not in the catalogue ({0})");
        service.addMessage("gandan.intake.category.unknown", VI, "không có trong danh mục ({0})");
        var messages = new ProblemMessages(service);

        var unknown = InvalidRequestException.field("category", "gandan.intake.category.unknown", "x-1");
        var conflict = InvalidRequestException.of(
                HttpStatus.CONFLICT,
                Reason.of("gandan.problem.store-unavailable"),
                FieldReason.of("category", "gandan.intake.category.unknown", "x-2"),
                FieldReason.text("title", "is taken"));

        assertThat(unknown.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getMessage()).isEqualTo("The request has invalid fields.");
        assertThat(messages.errors(unknown.reasons(), VI))
                .containsExactly(
                        new ProblemDetailsAutoConfiguration.FieldError("category", "không có trong danh mục (x-1)"));
        assertThat(messages.errors(conflict.reasons(), EN))
                .containsExactly(
                        new ProblemDetailsAutoConfiguration.FieldError("category", "is not in the catalogue (x-2)"),
                        new ProblemDetailsAutoConfiguration.FieldError("title", "is taken"));
        // Outside a request there is no service at hand: service-support's codes resolve, a service's stays a code.
        assertThat(unknown.errors())
                .containsExactly(
                        new ProblemDetailsAutoConfiguration.FieldError("category", "gandan.intake.category.unknown"));
    }

    @Test
    void theExceptionsOwnAccessorsAreEnglishWhateverTheCallersLanguage() {
        var request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "vi");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            var conflict = InvalidRequestException.of(
                    HttpStatus.CONFLICT,
                    Reason.of("gandan.problem.store-unavailable"),
                    FieldReason.of("body", "gandan.problem.wrong-type"));

            assertThat(conflict.getMessage()).isEqualTo("The service cannot reach its store; try again shortly.");
            assertThat(conflict.errors())
                    .containsExactly(
                            new ProblemDetailsAutoConfiguration.FieldError("body", "has the wrong type or format"));
            // The caller's language is ProblemMessages' business.
            assertThat(support.errors(conflict))
                    .containsExactly(new ProblemDetailsAutoConfiguration.FieldError(
                            "body", "sai kiểu dữ liệu hoặc sai định dạng"));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void aReasonIsACodeOrATextNeverBoth() {
        assertThatThrownBy(() -> new Reason("a.code", List.of(), "and a text"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reason(null, List.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Reason.of("a.code", "x", 2).toString()).isEqualTo("a.code [x, 2]");
        assertThat(Reason.of("a.code", (Object[]) null).args()).isEmpty();
    }
}
