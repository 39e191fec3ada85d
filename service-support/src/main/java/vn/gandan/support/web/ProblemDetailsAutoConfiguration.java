package vn.gandan.support.web;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/** Problem details for every error, with an {@code errors} list naming each bad field and why. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@EnableConfigurationProperties(RequestLimitsProperties.class)
public class ProblemDetailsAutoConfiguration {

    /** After Spring Security's chain, so the limiter knows which portal is calling. */
    @Bean
    FilterRegistrationBean<RequestLimitsFilter> requestLimits(RequestLimitsProperties limits) {
        var registration = new FilterRegistrationBean<>(new RequestLimitsFilter(limits));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** A field and what is wrong with it. */
    public record FieldError(String field, String reason) {}

    @RestControllerAdvice
    static class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

        @Override
        protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
                MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
            List<FieldError> errors = new ArrayList<>();
            ex.getBindingResult()
                    .getFieldErrors()
                    .forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
            ex.getBindingResult()
                    .getGlobalErrors()
                    .forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
            return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors);
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
                        "The request body could not be read.",
                        List.of(new FieldError(field, "has the wrong type or format")));
            }
            return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.", List.of());
        }

        /** A rule of the domain that the request breaks, e.g. an unknown commune code. */
        @ExceptionHandler(InvalidRequestException.class)
        ResponseEntity<Object> invalid(InvalidRequestException ex) {
            return problem(ex.status(), ex.getMessage(), ex.errors());
        }

        /** A constraint on a method parameter (query parameters, path variables) failed. */
        @ExceptionHandler(ConstraintViolationException.class)
        ResponseEntity<Object> constraintViolated(ConstraintViolationException ex) {
            List<FieldError> errors = ex.getConstraintViolations().stream()
                    .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                    .toList();
            return problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters.", errors);
        }

        @Override
        protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
                HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
            List<FieldError> errors = new ArrayList<>();
            ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
                    .forEach(error -> errors.add(new FieldError(
                            result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
            return problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters.", errors);
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
                    "The request has invalid parameters.",
                    List.of(new FieldError(field, "has the wrong type or format")));
        }

        private static String lastNode(String path) {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }

        /** The store is down or unreachable: the caller may retry; nothing was accepted. */
        @ExceptionHandler(DataAccessResourceFailureException.class)
        ResponseEntity<Object> storeUnavailable(DataAccessResourceFailureException ex) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE, "The service cannot reach its store; try again shortly.");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }

        private static ResponseEntity<Object> problem(HttpStatusCode status, String detail, List<FieldError> errors) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            if (!errors.isEmpty()) {
                problem.setProperties(Map.of("errors", errors));
            }
            return ResponseEntity.status(status)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }
}
