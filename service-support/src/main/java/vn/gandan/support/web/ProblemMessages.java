package vn.gandan.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The texts of problem documents in the caller's language (ADR 0006): the service's own messages
 * ({@code messages*.properties}, Spring Boot's {@code MessageSource}) first, then service-support's
 * ({@value #BUNDLE}), so a service may reword any of ours. Never falls back to the server's locale.
 *
 * <p>A bean of every service; it is also the {@link MessageSource} of the problem-details advice, so Spring's own
 * {@code problemDetail.*} codes are looked up here.
 */
public class ProblemMessages implements MessageSource {

    /** service-support's texts: English in the base file, Vietnamese in {@code _vi}. */
    public static final String BUNDLE = "vn/gandan/support/web/problems";

    static final String TITLE = "gandan.problem.title.";

    private static final ResourceBundleMessageSource support = supportBundle();

    private final @Nullable MessageSource service;

    /** @param service the service's messages, usually its application context */
    public ProblemMessages(@Nullable MessageSource service) {
        this.service = service;
    }

    /** service-support's texts only: where no application context is at hand. */
    static ProblemMessages supportOnly() {
        return new ProblemMessages(null);
    }

    /** The service's instance for this request (found through the servlet context), else service-support's only. */
    static ProblemMessages of(HttpServletRequest request) {
        try {
            WebApplicationContext context = RequestContextUtils.findWebApplicationContext(request);
            if (context != null) {
                return context.getBeanProvider(ProblemMessages.class).getIfAvailable(ProblemMessages::supportOnly);
            }
        } catch (BeansException | IllegalStateException e) {
            // The context is starting or closing: service-support's own texts still answer.
        }
        return supportOnly();
    }

    /** The instance for the request bound to this thread, if any. */
    static ProblemMessages current() {
        HttpServletRequest request = currentRequest();
        return request != null ? of(request) : supportOnly();
    }

    /**
     * The caller's language: by Spring MVC's locale resolver once the request reached it (restricted to {@link
     * Languages#SUPPORTED}), else by {@code Accept-Language} as {@link Languages#of} decides; outside a request,
     * English. Never {@code LocaleContextHolder}'s fallback, the server's own locale.
     */
    public Locale locale() {
        HttpServletRequest request = currentRequest();
        return request == null ? Languages.DEFAULT : locale(request);
    }

    static Locale locale(HttpServletRequest request) {
        // Spring MVC's resolver once the request reached it (a service may have its own), else ours.
        LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
        return resolver != null ? Languages.supported(resolver.resolveLocale(request)) : Languages.of(request);
    }

    /** The reason in the caller's language. */
    public String text(Reason reason) {
        return text(reason, locale());
    }

    public String text(Reason reason, Locale locale) {
        String code = reason.code();
        if (code == null) {
            return reason.text() != null ? reason.text() : "";
        }
        String found = find(code, reason.getArguments(), locale);
        return found != null ? found : code;
    }

    /** The exception's fields and reasons in the caller's language. */
    public List<ProblemDetailsAutoConfiguration.FieldError> errors(InvalidRequestException exception) {
        return errors(exception.reasons(), locale());
    }

    public List<ProblemDetailsAutoConfiguration.FieldError> errors(List<FieldReason> reasons, Locale locale) {
        return reasons.stream()
                .map(r -> new ProblemDetailsAutoConfiguration.FieldError(r.field(), text(r.reason(), locale)))
                .toList();
    }

    /** The title of a problem with this status: the HTTP reason phrase, in the caller's language (RFC 7807 §4.2). */
    public String title(HttpStatusCode status, Locale locale) {
        String found = find(TITLE + status.value(), null, locale);
        if (found != null) {
            return found;
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : String.valueOf(status.value());
    }

    @Override
    public @Nullable String getMessage(
            String code, @Nullable Object @Nullable [] args, @Nullable String defaultMessage, Locale locale) {
        String found = find(code, args, locale);
        return found != null ? found : defaultMessage;
    }

    @Override
    public String getMessage(String code, @Nullable Object @Nullable [] args, Locale locale)
            throws NoSuchMessageException {
        String found = find(code, args, locale);
        if (found == null) {
            throw new NoSuchMessageException(code, locale);
        }
        return found;
    }

    /** The first of its codes that has a message, else its default message (as it is, never formatted). */
    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) throws NoSuchMessageException {
        String[] codes = resolvable.getCodes();
        if (codes != null) {
            for (String code : codes) {
                String found = find(code, resolvable.getArguments(), locale);
                if (found != null) {
                    return found;
                }
            }
        }
        String defaultMessage = resolvable.getDefaultMessage();
        if (defaultMessage != null) {
            return defaultMessage;
        }
        throw new NoSuchMessageException(codes != null && codes.length > 0 ? codes[codes.length - 1] : "", locale);
    }

    private @Nullable String find(String code, @Nullable Object @Nullable [] args, Locale locale) {
        if (service != null) {
            String found = service.getMessage(code, args, null, locale);
            // A service with spring.messages.use-code-as-default-message answers the code for a missing message.
            if (found != null && !found.equals(code)) {
                return found;
            }
        }
        return support.getMessage(code, args, null, locale);
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private static ResourceBundleMessageSource supportBundle() {
        var bundle = new ResourceBundleMessageSource();
        bundle.setBasename(BUNDLE);
        bundle.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // English is the base file: a server whose own locale is Vietnamese (or German) still answers English.
        bundle.setFallbackToSystemLocale(false);
        bundle.setBundleClassLoader(ProblemMessages.class.getClassLoader());
        return bundle;
    }
}
