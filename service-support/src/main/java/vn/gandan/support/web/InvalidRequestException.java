package vn.gandan.support.web;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Thrown by a service when a request is well-formed but breaks a domain rule; answered as a problem document in
 * the caller's language (ADR 0006).
 *
 * <pre>{@code
 * throw InvalidRequestException.field("category", "gandan.intake.category.unknown", category);
 * throw InvalidRequestException.of(
 *         HttpStatus.CONFLICT,
 *         Reason.of("gandan.intake.idempotency.conflict", earlier.getId()),
 *         FieldReason.of("Idempotency-Key", "gandan.intake.idempotency.different-body"));
 * }</pre>
 *
 * Codes are resolved when the problem is answered; plain texts (the two older constructors) pass through as they
 * are.
 */
public class InvalidRequestException extends RuntimeException {

    /** "The request has invalid fields.", the detail of a 400 that names fields. */
    public static final String INVALID_FIELDS = "gandan.problem.invalid-fields";

    private final HttpStatusCode status;
    private final Reason detail;
    private final List<FieldReason> reasons;

    /** A 400 naming one field, with the reason in plain text (not translated). */
    public InvalidRequestException(String field, String reason) {
        this(HttpStatus.BAD_REQUEST, Reason.of(INVALID_FIELDS), List.of(FieldReason.text(field, reason)));
    }

    /** Detail and reasons in plain text (not translated). */
    public InvalidRequestException(
            HttpStatusCode status, String detail, List<ProblemDetailsAutoConfiguration.FieldError> errors) {
        this(
                status,
                Reason.text(detail),
                errors.stream()
                        .map(e -> FieldReason.text(e.field(), e.reason()))
                        .toList());
    }

    public InvalidRequestException(HttpStatusCode status, Reason detail, List<FieldReason> reasons) {
        super(detail.toString());
        this.status = Objects.requireNonNull(status, "status");
        this.detail = detail;
        this.reasons = List.copyOf(reasons);
    }

    /** A 400 naming one field, its reason a message code with arguments. */
    public static InvalidRequestException field(String field, String code, @Nullable Object... args) {
        return new InvalidRequestException(
                HttpStatus.BAD_REQUEST, Reason.of(INVALID_FIELDS), List.of(FieldReason.of(field, code, args)));
    }

    /** Any status, a detail and the fields at fault (none is fine). */
    public static InvalidRequestException of(HttpStatusCode status, Reason detail, FieldReason... reasons) {
        return new InvalidRequestException(status, detail, Arrays.asList(reasons));
    }

    public HttpStatusCode status() {
        return status;
    }

    /** The detail as thrown: a code or a plain text. */
    public Reason detail() {
        return detail;
    }

    /** The detail in English (see {@link #errors()}): for logs and formats that are not localized. */
    @Override
    public String getMessage() {
        return ProblemMessages.current().text(detail, Languages.DEFAULT);
    }

    /** The fields and their reasons as thrown: codes or plain texts. */
    public List<FieldReason> reasons() {
        return reasons;
    }

    /**
     * The fields and their reasons in English, as before ADR 0006: for logs and for answers in a format that is
     * not localized (Open311). Codes are looked up in the messages of the service answering the request bound to
     * this thread, then in service-support's; outside a request a service's own code stays a code. A problem
     * document in the caller's language comes from {@link ProblemMessages#errors(InvalidRequestException)}.
     */
    public List<ProblemDetailsAutoConfiguration.FieldError> errors() {
        return ProblemMessages.current().errors(reasons, Languages.DEFAULT);
    }
}
