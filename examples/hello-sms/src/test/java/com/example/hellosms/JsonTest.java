package com.example.hellosms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plugin's small JSON reader and writer: strict where the gateway's answer is judged. */
class JsonTest {

    @Test
    void givenTextWithQuotesBackslashesAndControlCharacters_whenQuoted_thenItIsAValidJsonString() throws Exception {
        String text = "a \"b\" \\ c\nd\te\u0001 آرڈر";

        String quoted = Json.quote(text);

        assertEquals("\"a \\\"b\\\" \\\\ c\\nd\\te\\u0001 آرڈر\"", quoted);
        assertEquals(text, Json.parseObject("{\"t\":" + quoted + "}").get("t"));
    }

    @Test
    void givenAnAnswerWithExtraMembers_whenParsed_thenTheKnownOnesCanBeRead() throws Exception {
        Map<String, Object> answer = Json.parseObject(
                "{ \"id\": \"msg_1\", \"parts\": 2, \"cost\": {\"amount\": 1.5e0, \"currency\": \"PKR\"},"
                        + " \"tags\": [\"otp\", true, null], \"note\": \"caf\\u00e9\" }");

        assertEquals(Optional.of("msg_1"), Json.string(answer, "id"));
        assertEquals(new BigDecimal("2"), answer.get("parts"));
        assertEquals(Optional.of("PKR"), Json.object(answer, "cost").flatMap(cost -> Json.string(cost, "currency")));
        assertEquals(List.of("otp", true, Optional.empty()), answer.get("tags"));
        assertEquals(Optional.of("café"), Json.string(answer, "note"));
        assertEquals(Optional.empty(), Json.string(answer, "parts"), "a number is not a string");
    }

    @Test
    void givenBodiesThatAreNotTheApisJson_whenParsed_thenEachIsRefused() {
        for (String body : List.of("", "<!DOCTYPE html><html></html>", "{\"id\": \"msg_1\"", "{\"id\": \"msg_1\"} x",
                "[1, 2]", "{\"id\": tru}", "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}")) {
            assertThrows(Json.MalformedException.class, () -> Json.parseObject(body), () -> "accepted: " + body);
        }
    }
}
