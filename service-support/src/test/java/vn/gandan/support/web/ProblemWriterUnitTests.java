package vn.gandan.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Problems written by filters, before Spring MVC: in the language of the request's Accept-Language. */
class ProblemWriterUnitTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anOversizedBodyIsA413InTheCallersLanguage() throws Exception {
        var filter = new RequestLimitsFilter(new RequestLimitsProperties(DataSize.ofMegabytes(1), 0, null));

        MockHttpServletResponse vietnamese = new MockHttpServletResponse();
        filter.doFilter(oversized("vi-VN,vi;q=0.9"), vietnamese, new MockFilterChain());
        MockHttpServletResponse english = new MockHttpServletResponse();
        filter.doFilter(oversized(null), english, new MockFilterChain());

        JsonNode vi = problem(vietnamese, 413, "vi");
        assertThat(vi.get("title").asString()).isEqualTo("Nội dung quá lớn");
        assertThat(vi.get("detail").asString()).isEqualTo("Nội dung yêu cầu lớn hơn 1 MB.");
        assertThat(vi.get("instance").asString()).isEqualTo("/api/v1/petitions");
        JsonNode en = problem(english, 413, "en");
        assertThat(en.get("title").asString()).isEqualTo("Content Too Large");
        assertThat(en.get("detail").asString()).isEqualTo("The request body is larger than 1 MB.");
    }

    @Test
    void theBodyLimitIsWrittenAsACallerReadsIt() {
        assertThat(RequestLimitsFilter.readable(DataSize.ofMegabytes(10))).isEqualTo("10 MB");
        assertThat(RequestLimitsFilter.readable(DataSize.ofKilobytes(512))).isEqualTo("512 KB");
        assertThat(RequestLimitsFilter.readable(DataSize.ofBytes(1500))).isEqualTo("1500 B");
    }

    @Test
    void theOlderFormTakesTheRequestBoundToTheThread() throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/v1/whoami");
        request.addHeader("Accept-Language", "vi");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        var coded = new MockHttpServletResponse();
        var plain = new MockHttpServletResponse();
        try {
            ProblemWriter.write(coded, HttpStatus.UNAUTHORIZED, "gandan.problem.authentication-required");
            ProblemWriter.write(plain, HttpStatus.UNAUTHORIZED, "Some text not yet translated.");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }

        assertThat(problem(coded, 401, "vi").get("detail").asString())
                .isEqualTo("Cần xác thực để thực hiện yêu cầu này.");
        JsonNode untranslated = problem(plain, 401, "vi");
        assertThat(untranslated.get("title").asString()).isEqualTo("Chưa xác thực");
        assertThat(untranslated.get("detail").asString()).isEqualTo("Some text not yet translated.");
    }

    @Test
    void withoutARequestItIsEnglish() throws Exception {
        var response = new MockHttpServletResponse();

        ProblemWriter.write(response, HttpStatus.FORBIDDEN, "gandan.problem.forbidden");

        JsonNode problem = problem(response, 403, "en");
        assertThat(problem.propertyNames()).containsExactly("type", "title", "status", "detail");
        assertThat(problem.get("title").asString()).isEqualTo("Forbidden");
        assertThat(problem.get("detail").asString()).isEqualTo("This caller may not do that.");
    }

    private static MockHttpServletRequest oversized(String acceptLanguage) {
        var request = new MockHttpServletRequest("POST", "/api/v1/petitions");
        request.setContent(new byte[(int) DataSize.ofMegabytes(1).toBytes() + 1]);
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return request;
    }

    private static JsonNode problem(MockHttpServletResponse response, int status, String language) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Content-Language")).isEqualTo(language);
        JsonNode problem = json.readTree(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        return problem;
    }
}
