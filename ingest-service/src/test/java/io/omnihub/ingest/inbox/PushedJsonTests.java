package io.omnihub.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

class PushedJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void countsTheItemsOfAnArrayOrOfAnItemsProperty() {
        assertThat(check("[{\"a\": [1, {\"b\": 2}]}, 3, \"x\"]")).isEqualTo(3);
        assertThat(check("{\"asOf\": \"2026-11-28T10:00:00Z\", \"items\": [{}, {}], \"more\": {\"x\": [1]}}"))
                .isEqualTo(2);
    }

    @Test
    void refusesWhatIsNotAListOfItemsNamingWhere() {
        assertRefused("{\"products\": []}", "/items", "expected a JSON array of items, or {\"items\": [...]}");
        assertRefused("{\"items\": {}}", "/items", "expected a JSON array of items, or {\"items\": [...]}");
        assertRefused("42", "", "expected a JSON array of items, or {\"items\": [...]}");
        assertRefused("", "", "the body is empty");
        assertRefused("[]", "", "no items: nothing to import");
        assertRefused("{\"items\": []}", "/items", "no items: nothing to import");
        assertRefused("[{}] [{}]", "", "more content after the JSON value: send one array or one object");
    }

    @Test
    void refusesMalformedJsonNamingThePointerWhereItBroke() {
        assertRefused("[{\"ean\": \"1\"}, {\"ean\": ", "/1/ean", "invalid JSON (line 1, column");
        assertRefused("[{\"a\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}]", "/0/a/0/0",
                "JSON refused: Document nesting depth (501) exceeds the maximum allowed (500");
        byte[] latin1 = "[{\"name\": \"São\"}]".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> PushedJson.check(json, new ByteArrayInputStream(latin1)))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getBody().getDetail())
                        .startsWith("the JSON is not UTF-8 text (save it as UTF-8)"));
    }

    private long check(String body) {
        return PushedJson.check(json, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private void assertRefused(String body, String field, String detail) {
        assertThatThrownBy(() -> check(body)).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.getBody().getDetail()).startsWith(detail);
            assertThat(e.getBody().getProperties().get("errors").toString()).contains("field=" + field);
        });
    }
}
