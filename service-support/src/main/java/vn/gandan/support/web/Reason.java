package vn.gandan.support.web;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * A text for the caller, the {@code detail} of a problem or the {@code reason} of a field: either a message code
 * with its arguments, resolved in the caller's language when the problem is answered ({@link #of}), or a plain
 * text passed through as it is ({@link #text}).
 *
 * <p>A code is looked up in the service's {@code messages*.properties} first, then in service-support's own
 * bundle; a code found nowhere is answered as the code itself, so a missing message shows instead of hiding. In a
 * message with arguments, {@code {0}} is the first argument and an apostrophe is written twice ({@code ''}), as
 * {@link java.text.MessageFormat} wants; pass codes and identifiers as strings, numbers are formatted for the
 * language (10,000 or 10.000).
 *
 * @param code the message code, or null for a plain text
 * @param args the arguments of the code
 * @param text the plain text, or null for a code
 */
public record Reason(
        @Nullable String code,
        List<@Nullable Object> args,
        @Nullable String text) implements MessageSourceResolvable {

    public Reason {
        if ((code == null) == (text == null)) {
            throw new IllegalArgumentException("a reason is either a code or a text");
        }
        args = args == null ? List.of() : Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    /** A message code and its arguments, e.g. {@code Reason.of("gandan.intake.category.unknown", category)}. */
    public static Reason of(String code, @Nullable Object... args) {
        return new Reason(Objects.requireNonNull(code, "code"), args == null ? List.of() : Arrays.asList(args), null);
    }

    /** A text given as it is, in whatever language it was written. */
    public static Reason text(String text) {
        return new Reason(null, List.of(), Objects.requireNonNull(text, "text"));
    }

    @Override
    public String @Nullable [] getCodes() {
        return code == null ? null : new String[] {code};
    }

    @Override
    public @Nullable Object[] getArguments() {
        return args.toArray();
    }

    @Override
    public @Nullable String getDefaultMessage() {
        return text;
    }

    /** For logs: the text, or the code with its arguments. */
    @Override
    public String toString() {
        return text != null ? text : args.isEmpty() ? code : code + " " + args;
    }
}
