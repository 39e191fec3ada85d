package vn.gandan.intake.open311;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the facade refuses, answered as the spec's error list with every problem found. */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final List<Open311Error> errors;

    Open311Exception(HttpStatus status, List<String> descriptions) {
        super(String.join("; ", descriptions));
        this.status = status;
        this.errors = descriptions.stream()
                .map(description -> new Open311Error(status.value(), description))
                .toList();
    }

    static Open311Exception badRequest(List<String> descriptions) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, descriptions);
    }

    static Open311Exception notFound(String description) {
        return new Open311Exception(HttpStatus.NOT_FOUND, List.of(description));
    }

    HttpStatus status() {
        return status;
    }

    List<Open311Error> errors() {
        return errors;
    }
}
