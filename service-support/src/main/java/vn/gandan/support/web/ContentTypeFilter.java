package vn.gandan.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request's {@code Content-Type} must name one media type: {@code *}{@code /*} or {@code application/*} describe
 * no body, and Spring MVC fails on them with an exception of its own (a 500) where a 415 is due.
 */
class ContentTypeFilter extends OncePerRequestFilter {

    static final String CONTENT_TYPE_INVALID = "gandan.problem.content-type-invalid";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (header != null && !concrete(header)) {
            ProblemWriter.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, CONTENT_TYPE_INVALID);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean concrete(String header) {
        try {
            MediaType type = MediaType.parseMediaType(header);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
