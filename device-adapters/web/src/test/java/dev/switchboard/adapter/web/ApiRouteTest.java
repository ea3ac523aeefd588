package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiRouteTest {

    @Test
    void readsTheThreeOperations() {
        assertThat(ApiRoute.of("/api/help", null)).isEqualTo(new ApiRoute(ApiRoute.Kind.HELP, null));
        assertThat(ApiRoute.of("/api/conversations", "/c-1")).isEqualTo(new ApiRoute(ApiRoute.Kind.CONVERSATION, "c-1"));
        assertThat(ApiRoute.of("/api/conversations", "/mine"))
                .isEqualTo(new ApiRoute(ApiRoute.Kind.SIGNED_CONVERSATION, null));
        assertThat(ApiRoute.of("/api/conversations", "/c-1/typing"))
                .isEqualTo(new ApiRoute(ApiRoute.Kind.CONVERSATION_TYPING, "c-1"));
        assertThat(ApiRoute.of("/api/conversations", "/c-1/read"))
                .isEqualTo(new ApiRoute(ApiRoute.Kind.CONVERSATION_READ, "c-1"));
        assertThat(ApiRoute.of("/api/conversations", "/c-1/messages"))
                .isEqualTo(new ApiRoute(ApiRoute.Kind.CONVERSATION_MESSAGE, "c-1"));
        assertThat(ApiRoute.Kind.HELP.method()).isEqualTo("POST");
        assertThat(ApiRoute.Kind.CONVERSATION_MESSAGE.method()).isEqualTo("POST");
        assertThat(ApiRoute.Kind.CONVERSATION.method()).isEqualTo("GET");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "/api/conversations, none", "/api/conversations, /", "/api/conversations, //messages",
            "/api/conversations, /c-1/", "/api/conversations, /c-1/messages/", "/api/conversations, /c-1/other",
            "/api/help, /x", "/api/other, none"})
    void anyOtherPathIsUnknown(String servletPath, String pathInfo) {
        assertThat(ApiRoute.of(servletPath, pathInfo).kind()).isEqualTo(ApiRoute.Kind.UNKNOWN);
    }

    @Test
    void anOverlongConversationIdIsUnknown() {
        assertThat(ApiRoute.of("/api/conversations", "/" + "c".repeat(200)).kind()).isEqualTo(ApiRoute.Kind.CONVERSATION);
        assertThat(ApiRoute.of("/api/conversations", "/" + "c".repeat(201)).kind()).isEqualTo(ApiRoute.Kind.UNKNOWN);
    }
}
