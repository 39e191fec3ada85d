package vn.gandan.notification.delivery;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The words of each message, in Vietnamese and English: {@code templates*.properties}, one {@code
 * <purpose>.subject} and {@code <purpose>.text} each, with {@code {name}} placeholders filled from the case's
 * facts. A template that is missing or names a fact the case does not have is an error for that delivery only.
 */
@Component
class Templates {

    static final String BUNDLE = "templates";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    /** A template cannot be rendered; the delivery fails with this reason. */
    static class TemplateException extends RuntimeException {
        TemplateException(String reason) {
            super(reason);
        }
    }

    record Rendered(String subject, String text) {}

    Rendered render(String purpose, Locale language, Map<String, String> facts) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language, Control.NO_FALLBACK);
        return new Rendered(fill(bundle, purpose + ".subject", facts), fill(bundle, purpose + ".text", facts));
    }

    private static String fill(ResourceBundle bundle, String key, Map<String, String> facts) {
        String template;
        try {
            template = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new TemplateException("template_missing: " + key);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = facts.get(m.group(1));
            if (value == null) {
                throw new TemplateException("template_fact_missing: " + key + " needs " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** UTF-8 bundles, and never the server's own locale as a fallback. */
    private static final class Control extends ResourceBundle.Control {
        static final Control NO_FALLBACK = new Control();

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }
    }
}
