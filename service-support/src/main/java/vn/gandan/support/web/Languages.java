package vn.gandan.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The languages the services answer in: Vietnamese or English, chosen by {@code Accept-Language}; English for any
 * other language and when the header is missing (ADR 0006). The one place that decides, for Spring MVC (as its
 * {@code localeResolver}) and for servlet filters, which run before Spring MVC resolves a locale.
 */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** The integrators' language: API clients are programs whose developers read English first. */
    public static final Locale DEFAULT = ENGLISH;

    public static final List<Locale> SUPPORTED = List.of(ENGLISH, VIETNAMESE);

    private static final AcceptHeaderLocaleResolver resolver = newResolver();

    private Languages() {}

    /** The caller's language by its {@code Accept-Language} header (q-values honoured, {@code vi-VN} is vi). */
    public static Locale of(HttpServletRequest request) {
        return resolver.resolveLocale(request);
    }

    /** Vietnamese for any Vietnamese locale, else English: never the server's own locale. */
    public static Locale supported(@Nullable Locale locale) {
        return locale != null && VIETNAMESE.getLanguage().equals(locale.getLanguage()) ? VIETNAMESE : DEFAULT;
    }

    /** Spring MVC's resolver, deciding as {@link #of(HttpServletRequest)} does. */
    static LocaleResolver localeResolver() {
        return newResolver();
    }

    private static AcceptHeaderLocaleResolver newResolver() {
        var resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(SUPPORTED);
        resolver.setDefaultLocale(DEFAULT);
        return resolver;
    }
}
