package vn.gandan.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gandan.intake.open311.Open311Views.Created;
import vn.gandan.intake.open311.Open311Views.ServiceRequest;

class Open311ResponsesUnitTests {

    final Open311Responses responses = new Open311Responses();

    @Test
    void aCreatedRequestReadsAsTheSpecsExample() {
        List<Created> body = List.of(new Created("293944", "Đã tiếp nhận & <chuyển>", null));

        assertThat(string(Open311Format.JSON, "service_requests", body))
                .isEqualTo("[{\"service_request_id\":\"293944\",\"service_notice\":\"Đã tiếp nhận & <chuyển>\","
                        + "\"account_id\":null}]");
        assertThat(string(Open311Format.XML, "service_requests", body))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests><request>"
                        + "<service_request_id>293944</service_request_id>"
                        + "<service_notice>Đã tiếp nhận &amp; &lt;chuyển&gt;</service_notice>"
                        + "<account_id/></request></service_requests>");
    }

    @Test
    void latAndLongKeepTheSpecsNames() {
        ServiceRequest request = new ServiceRequest(
                "1", "open", null, null, null, null, null, null, null, null, null, null, null, null, 18.5, 105.6, null);

        assertThat(string(Open311Format.JSON, "service_requests", List.of(request)))
                .contains("\"lat\":18.5,\"long\":105.6,\"media_url\":null");
        assertThat(string(Open311Format.XML, "service_requests", List.of(request)))
                .contains("<lat>18.5</lat><long>105.6</long><media_url/>");
    }

    @Test
    void errorsAreAListInBothFormats() {
        List<Open311Error> errors = List.of(new Open311Error(403, "Invalid api_key received"));

        assertThat(string(Open311Format.JSON, "errors", errors))
                .isEqualTo("[{\"code\":403,\"description\":\"Invalid api_key received\"}]");
        assertThat(string(Open311Format.XML, "errors", errors))
                .endsWith("<errors><error><code>403</code><description>Invalid api_key received</description>"
                        + "</error></errors>");
    }

    @Test
    void xmlDropsCharactersXmlCannotCarry() {
        assertThat(Open311Responses.xmlText("a\u0000b\u0007c\td\ne\uFFFEf😀")).isEqualTo("abc\td\nef😀");
    }

    private String string(Open311Format format, String root, Object body) {
        return new String(responses.bytes(format, root, body), StandardCharsets.UTF_8);
    }
}
