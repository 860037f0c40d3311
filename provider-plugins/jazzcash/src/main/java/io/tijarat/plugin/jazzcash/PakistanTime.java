package io.tijarat.plugin.jazzcash;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * JazzCash's timestamps ({@code pp_TxnDateTime}, {@code pp_TxnExpiryDateTime}): {@code yyyyMMddHHmmss}
 * in Pakistan time ({@code Asia/Karachi}, UTC+5, no daylight saving), whatever the server's own zone.
 * Stateless and thread-safe.
 */
final class PakistanTime {

    static final ZoneId KARACHI = ZoneId.of("Asia/Karachi");

    /** {@code uuuu}, not {@code yyyy}: with STRICT resolving, year-of-era would need an era. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** How customers read a deadline: {@code 06-03-2025 10:00}, Pakistan time. */
    private static final DateTimeFormatter FOR_PEOPLE = DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm", Locale.ROOT);

    private PakistanTime() {
    }

    /** {@code 20250303100000} for 2025-03-03T05:00:00Z. */
    static String stamp(Instant instant) {
        return STAMP.format(instant.atZone(KARACHI));
    }

    /** Reads a JazzCash timestamp; empty if it is not exactly {@code yyyyMMddHHmmss} and a real date. */
    static Optional<Instant> parse(String stamp) {
        if (stamp == null || stamp.length() != 14) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(stamp, STAMP).atZone(KARACHI).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A deadline for a customer's eyes, in Pakistan time. */
    static String forPeople(Instant instant) {
        return FOR_PEOPLE.format(instant.atZone(KARACHI));
    }
}
