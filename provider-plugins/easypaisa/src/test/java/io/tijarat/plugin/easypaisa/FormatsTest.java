package io.tijarat.plugin.easypaisa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tijarat.spi.Money;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts as EasyPaisa writes them ({@code "20.0"}), and the time shapes its answers use. */
class FormatsTest {

    @ParameterizedTest(name = "{0} paisa -> {1}")
    @CsvSource({"2000, 20.0", "150000, 1500.0", "150050, 1500.5", "150025, 1500.25", "50, 0.5", "1, 0.01",
            "100, 1.0", "1000000000, 10000000.0"})
    void givenPaisa_whenWrittenForEasyPaisa_thenRupeesWithAtLeastOneDecimalAndNeverRounded(long paisa, String text) {
        assertEquals(text, Formats.amount(Money.pkr(paisa)));
        assertEquals(Money.pkr(paisa), Money.parse(text, Money.PKR), "EasyPaisa's answer reads back to the same amount");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            20250303 110000               | 2025-03-03T06:00:00Z
            2025-03-03T11:00:00           | 2025-03-03T06:00:00Z
            2017-08-23T15:47:25.922+05:00 | 2017-08-23T10:47:25.922Z
            03/03/2025 11:00 AM           | 2025-03-03T06:00:00Z
            10/04/2023 01:55 PM           | 2023-04-10T08:55:00Z
            2025-03-03 11:00:00           | 2025-03-03T06:00:00Z
            """)
    void givenATimeAsEasyPaisaWritesIt_whenRead_thenPakistanTimeUnlessItCarriesAnOffset(String text, String instant) {
        assertEquals(Optional.of(Instant.parse(instant)), Formats.parseTime(text));
    }

    @ParameterizedTest
    @CsvSource({"tomorrow", "2025-13-01T00:00:00", "''"})
    void givenSomethingThatIsNotATime_whenRead_thenEmpty(String text) {
        assertEquals(Optional.empty(), Formats.parseTime(text));
    }

    @ParameterizedTest
    @CsvSource({"2025-03-03T05:00:00Z, 20250303 100000", "2025-03-03T19:30:05Z, 20250304 003005"})
    void givenAnInstant_whenWrittenAsAnExpiry_thenPakistanTimeWhateverTheServersZone(String instant, String text) {
        assertEquals(text, Formats.expiry(Instant.parse(instant)));
    }
}
