package io.tijarat.core.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyReadingTest {

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "1|CONFIRM", " 1 |CONFIRM", "1.|CONFIRM", "۱|CONFIRM", "١|CONFIRM", "yes|CONFIRM", "Haan|CONFIRM",
            "ہاں|CONFIRM", "1 thanks|CONFIRM",
            "2|CANCEL", "۲|CANCEL", "٢|CANCEL", "no|CANCEL", "nahi|CANCEL", "نہیں|CANCEL",
            "STOP|OPT_OUT", "stop|OPT_OUT", "Unsubscribe|OPT_OUT", "بند|OPT_OUT", "STOP.|OPT_OUT",
            "START|OPT_IN", "unstop|OPT_IN",
            "12|OTHER", "when will it come?|OTHER", "please stop calling me|OTHER", "''|OTHER", "3|OTHER"})
    void givenWhatACustomerTyped_whenRead_thenOnlyTheFirstWordDecides(String text, ReplyReading.Kind expected) {
        assertEquals(expected, ReplyReading.of(text).kind());
    }

    @ParameterizedTest(name = "\"{0}\" names {1}")
    @CsvSource(delimiter = '|', value = {"1 TJ-7K3M-9QXD|TJ-7K3M-9QXD", "2 tj-7k3m-9qxd|TJ-7K3M-9QXD",
            "yes for TJ-AAAA-CCCC please|TJ-AAAA-CCCC"})
    void givenAReplyNamingAnOrder_whenRead_thenTheOrderNumberIsTaken(String text, String number) {
        assertEquals(Optional.of(number), ReplyReading.of(text).orderNumber());
    }
}
