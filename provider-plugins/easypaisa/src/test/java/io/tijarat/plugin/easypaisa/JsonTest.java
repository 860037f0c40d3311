package io.tijarat.plugin.easypaisa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small JSON reader: strict about shape, tolerant about EasyPaisa's strings-or-numbers. */
class JsonTest {

    @Test
    void givenAnAnswerWithNumbersAndStrings_whenRead_thenEitherComesOutAsPlainText() throws Exception {
        Map<String, Object> answer = Json.parseObject(
                "{\"storeId\": 43210, \"transactionAmount\": 1.5E+3, \"orderId\": \" T7K2M9Q4 \", \"x\": null}");

        assertEquals(Optional.of("43210"), Json.text(answer, "storeId"));
        assertEquals(Optional.of("1500"), Json.text(answer, "transactionAmount"));
        assertEquals(Optional.of("T7K2M9Q4"), Json.text(answer, "orderId"));
        assertEquals(Optional.empty(), Json.text(answer, "x"));
        assertEquals(Optional.empty(), Json.text(answer, "missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<!DOCTYPE html><html></html>", "{\"responseCode\": \"0000\", ",
            "{\"responseCode\":\"0000\"} trailing", "[1,2]", "{\"a\":1,\"a\":2}", "{\"a\":\"\u0001\"}"})
    void givenABodyThatIsNotOneCleanObject_whenRead_thenMalformed(String body) {
        assertThrows(Json.MalformedException.class, () -> Json.parseObject(body));
    }

    @Test
    void givenFieldsWithQuotesAndControlCharacters_whenWritten_thenTheyReadBackUnchanged() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("orderId", "T7K2M9Q4X1B8C3D5");
        fields.put("emailAddress", "a\"b\\c\n@example.pk");

        Map<String, Object> read = Json.parseObject(Json.write(fields));

        assertEquals(fields, read);
    }
}
