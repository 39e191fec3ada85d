package vn.gandan.support.web;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Problem details for every error, with an {@code errors} list naming each bad field and why, in the caller's
 * language by {@code Accept-Language}: Vietnamese or English, English by default (ADR 0006).
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
            // Our error controller replaces Boot's BasicErrorController, which it declares only when none exists.
            "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"
        })
@EnableConfigurationProperties(RequestLimitsProperties.class)
public class ProblemDetailsAutoConfiguration {

    /** After Spring Security's chain, so the limiter knows which portal is calling. */
    @Bean
    FilterRegistrationBean<RequestLimitsFilter> requestLimits(RequestLimitsProperties limits) {
        var registration = new FilterRegistrationBean<>(new RequestLimitsFilter(limits));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** The service's messages (its application context) first, then service-support's. */
    @Bean
    @ConditionalOnMissingBean
    ProblemMessages problemMessages(ApplicationContext context) {
        return new ProblemMessages(context);
    }

    /**
     * Spring MVC's locale, hence the language of bean-validation messages too: Vietnamese or English by
     * {@code Accept-Language}, never the server's own locale. Replaces Boot's ({@code spring.web.locale*}).
     */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return Languages.localeResolver();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(ProblemMessages messages) {
        return new ProblemDetailsAdvice(messages);
    }

    /** JSON bodies are read without coercing one type into another (ADR 0014). */
    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return new StrictJsonInput();
    }

    /** A request whose Content-Type is a wildcard ({@code *}{@code /*}) or unreadable: 415 before Spring MVC trips on it. */
    @Bean
    FilterRegistrationBean<ContentTypeFilter> contentTypes() {
        var registration = new FilterRegistrationBean<>(new ContentTypeFilter());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    /** {@code /error}, where Spring Security's firewall and {@code sendError} send the request: a problem too. */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(ProblemMessages messages) {
        return new ProblemErrorController(messages);
    }

    /**
     * Tomcat answers some requests by itself (bad bytes in the path, headers over the limit), through its host's
     * error report valve: ours writes a problem document. After Boot's customizer, which installs its own valve.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
        return new ProblemErrorReports();
    }

    static class ProblemErrorReports
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost standard) {
                    // Else the host adds a valve of its configured class when it starts, ahead of ours.
                    standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
                Pipeline host = context.getParent().getPipeline();
                for (Valve valve : host.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.removeValve(valve);
                    }
                }
                host.addValve(new ProblemErrorReportValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** A field and what is wrong with it, as answered (in the caller's language). */
    public record FieldError(String field, String reason) {}

    @RestControllerAdvice
    static class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

        static final String INVALID_PARAMETERS = "gandan.problem.invalid-parameters";
        static final String BODY_UNREADABLE = "gandan.problem.body-unreadable";
        static final String BODY_NOT_JSON = "gandan.problem.body-not-json";
        static final String WRONG_TYPE = "gandan.problem.wrong-type";
        static final String STORE_UNAVAILABLE = "gandan.problem.store-unavailable";
        static final String PARAMETERS_UNDECODABLE = "gandan.problem.parameters-undecodable";

        private final ProblemMessages messages;

        ProblemDetailsAdvice(ProblemMessages messages) {
            this.messages = messages;
            super.setMessageSource(messages);
        }

        /**
         * Spring hands every bean the context's {@code MessageSource}; ours reads the same messages and then
         * service-support's, where the {@code problemDetail.*} texts of Spring's own exceptions are.
         */
        @Override
        public void setMessageSource(MessageSource contextMessages) {
            super.setMessageSource(messages);
        }

        @Override
        protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
                MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
            Locale locale = messages.locale();
            List<FieldError> errors = new ArrayList<>();
            // The reason is bean validation's message, already in the caller's language; a service may still
            // reword one by Spring's codes (e.g. NotBlank.title) in its messages.
            ex.getBindingResult()
                    .getFieldErrors()
                    .forEach(e -> errors.add(new FieldError(e.getField(), reason(e, locale))));
            ex.getBindingResult()
                    .getGlobalErrors()
                    .forEach(e -> errors.add(new FieldError(e.getObjectName(), reason(e, locale))));
            return problem(HttpStatus.BAD_REQUEST, Reason.of(InvalidRequestException.INVALID_FIELDS), errors);
        }

        @Override
        protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
                HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
            if (ex.getCause() instanceof DatabindException mapping
                    && !mapping.getPath().isEmpty()) {
                String field = mapping.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                        .orElse("");
                return problem(
                        HttpStatus.BAD_REQUEST,
                        Reason.of(BODY_UNREADABLE),
                        List.of(new FieldError(field, messages.text(Reason.of(WRONG_TYPE)))));
            }
            return problem(HttpStatus.BAD_REQUEST, Reason.of(BODY_NOT_JSON), List.of());
        }

        /** A rule of the domain that the request breaks, e.g. an unknown commune code. */
        @ExceptionHandler(InvalidRequestException.class)
        ResponseEntity<Object> invalid(InvalidRequestException ex) {
            return problem(ex.status(), ex.detail(), messages.errors(ex));
        }

        /** Query or form parameters that are not valid percent-encoded UTF-8 (Tomcat reads them on first use). */
        @ExceptionHandler(InvalidParameterException.class)
        ResponseEntity<Object> parametersUndecodable(InvalidParameterException ex) {
            return problem(HttpStatus.BAD_REQUEST, Reason.of(PARAMETERS_UNDECODABLE), List.of());
        }

        /** A body declared multipart that is not (no boundary, cut short): Spring parses it before any handler. */
        @ExceptionHandler(MultipartException.class)
        ResponseEntity<Object> multipartUnreadable(MultipartException ex) {
            return problem(HttpStatus.BAD_REQUEST, Reason.of(BODY_UNREADABLE), List.of());
        }

        /** A constraint on a method parameter (query parameters, path variables) failed. */
        @ExceptionHandler(ConstraintViolationException.class)
        ResponseEntity<Object> constraintViolated(ConstraintViolationException ex) {
            List<FieldError> errors = ex.getConstraintViolations().stream()
                    .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                    .toList();
            return problem(HttpStatus.BAD_REQUEST, Reason.of(INVALID_PARAMETERS), errors);
        }

        @Override
        protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
                HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
            Locale locale = messages.locale();
            List<FieldError> errors = new ArrayList<>();
            ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
                    .forEach(error -> errors.add(
                            new FieldError(result.getMethodParameter().getParameterName(), reason(error, locale)))));
            return problem(HttpStatus.BAD_REQUEST, Reason.of(INVALID_PARAMETERS), errors);
        }

        @Override
        protected @Nullable ResponseEntity<Object> handleTypeMismatch(
                org.springframework.beans.TypeMismatchException ex,
                HttpHeaders headers,
                HttpStatusCode status,
                WebRequest request) {
            String field = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
            return problem(
                    HttpStatus.BAD_REQUEST,
                    Reason.of(INVALID_PARAMETERS),
                    List.of(new FieldError(field, messages.text(Reason.of(WRONG_TYPE)))));
        }

        /** By the error's codes in the messages, else its default message (bean validation's, already localized). */
        private @Nullable String reason(MessageSourceResolvable error, Locale locale) {
            try {
                return messages.getMessage(error, locale);
            } catch (NoSuchMessageException e) {
                return null;
            }
        }

        private static String lastNode(String path) {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }

        /**
         * The driver lost its connections while the request was in flight (its pool was cleared, a socket closed):
         * Spring Data cannot classify that, but for the caller it is the same outage as above.
         */
        @ExceptionHandler(UncategorizedMongoDbException.class)
        ResponseEntity<Object> storeLost(UncategorizedMongoDbException ex) {
            if (ex.getCause() instanceof MongoConnectionPoolClearedException
                    || ex.getCause() instanceof MongoSocketException
                    || ex.getCause() instanceof MongoTimeoutException) {
                return storeUnavailable(new DataAccessResourceFailureException(ex.getMessage(), ex));
            }
            throw ex;
        }

        /** The store is down or unreachable: the caller may retry; nothing was accepted. */
        @ExceptionHandler(DataAccessResourceFailureException.class)
        ResponseEntity<Object> storeUnavailable(DataAccessResourceFailureException ex) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "5");
            return problem(HttpStatus.SERVICE_UNAVAILABLE, Reason.of(STORE_UNAVAILABLE), List.of(), headers);
        }

        /**
         * Every answer of Spring's own handlers (405, 406, 415, 404, ...) passes here: its detail was looked up by
         * Spring's {@code problemDetail.<exception class>} code, its title is put in the caller's language here.
         */
        @Override
        protected ResponseEntity<Object> createResponseEntity(
                @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
            Locale locale = messages.locale();
            if (body instanceof ProblemDetail problem && isDefaultTitle(problem)) {
                problem.setTitle(messages.title(status, locale));
            }
            HttpHeaders answered = new HttpHeaders();
            answered.putAll(headers);
            answered.setContentLanguage(locale);
            return new ResponseEntity<>(body, answered, status);
        }

        /** The reason phrase Spring put there, not a title a service gave by a problemDetail.title.* code. */
        private static boolean isDefaultTitle(ProblemDetail problem) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            return problem.getTitle() == null
                    || (status != null && status.getReasonPhrase().equals(problem.getTitle()));
        }

        private ResponseEntity<Object> problem(HttpStatusCode status, Reason detail, List<FieldError> errors) {
            return problem(status, detail, errors, new HttpHeaders());
        }

        private ResponseEntity<Object> problem(
                HttpStatusCode status, Reason detail, List<FieldError> errors, HttpHeaders headers) {
            Locale locale = messages.locale();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.text(detail, locale));
            problem.setTitle(messages.title(status, locale));
            if (!errors.isEmpty()) {
                problem.setProperties(Map.of("errors", errors));
            }
            headers.setContentLanguage(locale);
            return ResponseEntity.status(status)
                    .headers(headers)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }
}
