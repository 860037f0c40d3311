package io.tijarat.spi.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The plugins' JSON: gateways' flat objects read exactly, nested answers strictly, nothing else accepted. */
class JsonTest {

    @Test
    void givenAJazzCashAnswer_whenParsed_thenEveryMemberAsTextInDocumentOrder() throws Exception {
        Map<String, String> fields = Json.parseFlatObject(" {\"pp_ResponseCode\":\"000\", \"pp_Amount\": 150000,"
                + " \"pp_AuthCode\":null,\"flag\":true, \"rate\":-1.5e3, \"pp_ResponseMessage\":\"Thank you\"}\n");

        assertEquals(List.of("pp_ResponseCode", "pp_Amount", "pp_AuthCode", "flag", "rate", "pp_ResponseMessage"),
                List.copyOf(fields.keySet()));
        assertEquals("150000", fields.get("pp_Amount"), "a number keeps its literal text: the hash covers it");
        assertEquals("", fields.get("pp_AuthCode"), "null reads as empty, which the hash skips");
        assertEquals("true", fields.get("flag"));
        assertEquals("-1.5e3", fields.get("rate"));
    }

    @Test
    void givenEscapes_whenParsed_thenDecoded() throws Exception {
        Map<String, String> fields = Json.parseFlatObject("{\"m\":\"a\\\"b\\\\c\\/d\\n\\u0041\\u062c\"}");

        assertEquals("a\"b\\c/d\nAج", fields.get("m"));
    }

    @Test
    void givenAnEmptyObject_whenParsed_thenNoMembers() throws Exception {
        assertEquals(Map.of(), Json.parseFlatObject("{ }"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "<!DOCTYPE html><html><body>Request Rejected</body></html>",
        "{\"status\": \"APPROVED\", \"reference\": ",
        "{\"a\":\"1\"} trailing",
        "{\"a\":\"1\",\"a\":\"2\"}",
        "{\"a\":{\"nested\":\"x\"}}",
        "{\"a\":[1,2]}",
        "[{\"a\":\"1\"}]",
        "{\"a\":01}",
        "{\"a\":1.}",
        "{\"a\":+1}",
        "{\"a\":tru}",
        "{\"a\":\"bad \\x escape\"}",
        "{\"a\":\"\\u12\"}",
        "{\"a\":\"\\u12G4\"}",
        "{a:\"1\"}",
        "{\"a\" \"1\"}",
        "{\"a\":\"line\nbreak\"}",
        "{\"a\":\"unclosed}"
    })
    void givenSomethingThatIsNotOneFlatObject_whenParsed_thenMalformedWithoutQuotingIt(String body) {
        JsonException failure = assertThrows(JsonException.class, () -> Json.parseFlatObject(body));

        assertFalse(body.length() > 12 && failure.getMessage().contains(body.substring(0, 12)),
                "the message must describe the body, not paste it");
    }

    @Test
    void givenNull_whenParsed_thenMalformed() {
        assertThrows(JsonException.class, () -> Json.parseFlatObject(null));
    }

    @Test
    void givenFieldsWithQuotesAndControlCharacters_whenWrittenAndReadBack_thenTheSame() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_Description", "Order \"1042\" \\ 50% off\n\t\u0001");
        fields.put("pp_Amount", "150000");
        fields.put("ppmpf_1", "");

        String json = Json.write(fields);

        assertEquals("{\"pp_Description\":\"Order \\\"1042\\\" \\\\ 50% off\\n\\t\\u0001\",\"pp_Amount\":\"150000\","
                + "\"ppmpf_1\":\"\"}", json);
        assertEquals(fields, Json.parseFlatObject(json));
    }

    @Test
    void givenAnAnswerWithNumbersAndStrings_whenRead_thenEitherComesOutAsPlainText() throws Exception {
        Map<String, Object> answer = Json.parseObject(
                "{\"storeId\": 43210, \"transactionAmount\": 1.5E+3, \"orderId\": \" T7K2M9Q4 \", \"x\": null}");

        assertEquals(Optional.of("43210"), Json.text(answer, "storeId"));
        assertEquals(Optional.of("1500"), Json.text(answer, "transactionAmount"));
        assertEquals(Optional.of("T7K2M9Q4"), Json.text(answer, "orderId"));
        assertEquals(Optional.of(" T7K2M9Q4 "), Json.string(answer, "orderId"), "string() keeps the text as sent");
        assertEquals(JsonNull.NULL, answer.get("x"));
        assertEquals(Optional.empty(), Json.text(answer, "x"));
        assertEquals(Optional.empty(), Json.text(answer, "missing"));
    }

    @Test
    void givenANestedAnswer_whenRead_thenObjectsArraysAndNumbersKeepTheirShape() throws Exception {
        Map<String, Object> answer = Json.parseObject("{\"data\":{\"ids\":[1,\"2\",true,null],\"fee\":12.50},"
                + "\"msg\":\"\\u0622\\u067e \\ud83d\\udce6\"}");

        Map<String, Object> data = Json.object(answer, "data").orElseThrow();
        assertEquals(java.util.List.of(new JsonNumber("1"), "2", Boolean.TRUE, JsonNull.NULL), Json.array(data, "ids").orElseThrow());
        assertEquals(new BigDecimal("12.50"), ((JsonNumber) data.get("fee")).decimal());
        assertEquals("آپ \uD83D\uDCE6", answer.get("msg"), "Urdu and a surrogate pair from escapes");
        assertEquals(Optional.empty(), Json.object(answer, "msg"));
        assertThrows(JsonException.class, () -> Json.parseFlatObject("{\"data\":{\"a\":1}}"));
    }

    @Test
    void givenNestingDeeperThanTheLimit_whenRead_thenRefusedWithoutExhaustingTheStack() throws Exception {
        String ok = "{\"a\":" + "[".repeat(Json.MAX_DEPTH - 1) + "]".repeat(Json.MAX_DEPTH - 1) + "}";
        Json.parseObject(ok);
        String hostile = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        JsonException failure = assertThrows(JsonException.class, () -> Json.parseObject(hostile));
        assertTrue(failure.getMessage().contains("nested deeper"), failure.getMessage());
    }

    @Test
    void givenNestedValues_whenWritten_thenCompactExactJsonThatReadsBack() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", new BigDecimal("1500.00"));
        body.put("count", 3);
        body.put("big", 9_007_199_254_740_993L);
        body.put("rate", new JsonNumber("-1.5e3"));
        body.put("ok", true);
        body.put("none", Optional.empty());
        body.put("city", "لاہور");
        body.put("lines", java.util.List.of(Map.of("sku", "A-1")));

        String json = Json.write(body);

        assertEquals("{\"amount\":1500.00,\"count\":3,\"big\":9007199254740993,\"rate\":-1.5e3,\"ok\":true,"
                + "\"none\":null,\"city\":\"لاہور\",\"lines\":[{\"sku\":\"A-1\"}]}", json);
        assertEquals("9007199254740993", Json.text(Json.parseObject(json), "big").orElseThrow(), "no precision lost");
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("price", 1.1d)), "a double has no exact form");
    }
}
