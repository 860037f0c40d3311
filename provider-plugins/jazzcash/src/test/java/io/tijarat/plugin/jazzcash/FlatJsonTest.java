package io.tijarat.plugin.jazzcash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The JSON reader accepts JazzCash's flat objects exactly, and nothing else. */
class FlatJsonTest {

    @Test
    void givenAJazzCashAnswer_whenParsed_thenEveryMemberAsTextInDocumentOrder() throws Exception {
        Map<String, String> fields = FlatJson.parse(" {\"pp_ResponseCode\":\"000\", \"pp_Amount\": 150000,"
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
        Map<String, String> fields = FlatJson.parse("{\"m\":\"a\\\"b\\\\c\\/d\\n\\u0041\\u062c\"}");

        assertEquals("a\"b\\c/d\nAج", fields.get("m"));
    }

    @Test
    void givenAnEmptyObject_whenParsed_thenNoMembers() throws Exception {
        assertEquals(Map.of(), FlatJson.parse("{ }"));
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
        FlatJson.MalformedException failure = assertThrows(FlatJson.MalformedException.class, () -> FlatJson.parse(body));

        assertFalse(body.length() > 12 && failure.getMessage().contains(body.substring(0, 12)),
                "the message must describe the body, not paste it");
    }

    @Test
    void givenNull_whenParsed_thenMalformed() {
        assertThrows(FlatJson.MalformedException.class, () -> FlatJson.parse(null));
    }

    @Test
    void givenFieldsWithQuotesAndControlCharacters_whenWrittenAndReadBack_thenTheSame() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_Description", "Order \"1042\" \\ 50% off\n\t\u0001");
        fields.put("pp_Amount", "150000");
        fields.put("ppmpf_1", "");

        String json = FlatJson.write(fields);

        assertEquals("{\"pp_Description\":\"Order \\\"1042\\\" \\\\ 50% off\\n\\t\\u0001\",\"pp_Amount\":\"150000\","
                + "\"ppmpf_1\":\"\"}", json);
        assertEquals(fields, FlatJson.parse(json));
    }
}
