package vn.gandan.support.web;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A field and what is wrong with it, before it is put in the caller's language; answered as {@code {field,
 * reason}} in a problem's {@code errors}. The field name is never translated.
 */
public record FieldReason(String field, Reason reason) {

    public FieldReason {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    /** E.g. {@code FieldReason.of("category", "gandan.intake.category.unknown", category)}. */
    public static FieldReason of(String field, String code, @Nullable Object... args) {
        return new FieldReason(field, Reason.of(code, args));
    }

    /** A reason in plain text, passed through as it is. */
    public static FieldReason text(String field, String text) {
        return new FieldReason(field, Reason.text(text));
    }
}
