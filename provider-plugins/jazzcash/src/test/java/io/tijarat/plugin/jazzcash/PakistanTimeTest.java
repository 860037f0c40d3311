package io.tijarat.plugin.jazzcash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** JazzCash's timestamps are yyyyMMddHHmmss in Pakistan time (UTC+5, no daylight saving). */
class PakistanTimeTest {

    @ParameterizedTest
    @CsvSource({
        "2025-03-03T05:00:00Z, 20250303100000",  // the kit's clock: 10:00 in Karachi
        "2025-03-03T19:30:00Z, 20250304003000",  // after 19:00 UTC it is already tomorrow in Karachi
        "2024-12-31T19:00:00Z, 20250101000000",  // and next year
        "2024-02-28T23:59:59Z, 20240229045959",  // a leap day
        "2025-07-01T00:00:00Z, 20250701050000"   // summer: still +5, Pakistan has no daylight saving
    })
    void givenAnInstant_whenStamped_thenKarachiWallClockTime(String instant, String stamp) {
        assertEquals(stamp, PakistanTime.stamp(Instant.parse(instant)));
        assertEquals(Optional.of(Instant.parse(instant)), PakistanTime.parse(stamp));
    }

    @Test
    void givenAServerInAnotherZone_whenStamped_thenStillKarachiTime() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            assertEquals("20250303100000", PakistanTime.stamp(Instant.parse("2025-03-03T05:00:00Z")));
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2025030310000", "202503031000000", "20250230100000", "20251303100000",
        "20250303240000", "2025-03-03 10:00", "2025030310000x"})
    void givenSomethingThatIsNotAJazzCashStamp_whenParsed_thenEmpty(String text) {
        assertEquals(Optional.empty(), PakistanTime.parse(text));
    }

    @Test
    void givenADeadline_whenShownToPeople_thenDayMonthYearAndKarachiTime() {
        assertEquals("06-03-2025 10:00", PakistanTime.forPeople(Instant.parse("2025-03-06T05:00:00Z")));
    }
}
