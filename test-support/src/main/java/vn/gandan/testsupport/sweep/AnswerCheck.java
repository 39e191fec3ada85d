package vn.gandan.testsupport.sweep;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Whether an answer to a malformed request is a proper refusal; null when it is, else what is wrong with it. */
@FunctionalInterface
public interface AnswerCheck {

    String problem(Answer answer);

    /** RFC 7807: a 4xx {@code application/problem+json} with the same {@code status} and a title or detail. */
    static AnswerCheck problemDocument() {
        JsonMapper json = JsonMapper.builder().build();
        return answer -> {
            if (answer.status() < 400 || answer.status() > 499) {
                return "status " + answer.status();
            }
            if (!answer.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json")) {
                return "content type '" + answer.contentType() + "'";
            }
            JsonNode document;
            try {
                document = json.readTree(answer.body());
            } catch (RuntimeException e) {
                return "body is not JSON";
            }
            if (document == null || !document.isObject()) {
                return "body is not a JSON object";
            }
            if (!document.path("status").isInt() || document.path("status").asInt() != answer.status()) {
                return "status field " + document.path("status") + " for " + answer.status();
            }
            if (document.path("title").asString("").isBlank()
                    && document.path("detail").asString("").isBlank()) {
                return "no title or detail";
            }
            return null;
        };
    }
}
