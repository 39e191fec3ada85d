package vn.gandan.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookChannelUnitTests {

    @Test
    void percentEncodesCloudEventHeaderValuesAsTheHttpBindingSays() {
        // The binding's own example: "Euro € 😀".
        assertThat(WebhookChannel.headerValue("Euro \u20AC \uD83D\uDE00")).isEqualTo("Euro%20%E2%82%AC%20%F0%9F%98%80");
        assertThat(WebhookChannel.headerValue("say \"100%\"")).isEqualTo("say%20%22100%25%22");
        assertThat(WebhookChannel.headerValue("line\r\nbreak")).isEqualTo("line%0D%0Abreak");
        assertThat(WebhookChannel.headerValue("/gandan/routing?x=1&y=~")).isEqualTo("/gandan/routing?x=1&y=~");
        assertThat(WebhookChannel.headerValue("Nghệ An")).isEqualTo("Ngh%E1%BB%87%20An");
    }
}
