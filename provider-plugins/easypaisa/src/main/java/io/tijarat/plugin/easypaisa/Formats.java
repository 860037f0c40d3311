package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How EasyPaisa writes amounts and times. Stateless and thread-safe. */
final class Formats {

    /** EasyPaisa works in Pakistan time, whatever the server's zone. */
    static final ZoneId KARACHI = ZoneId.of("Asia/Karachi");

    /** {@code expiryDate} and {@code tokenExpiry}: {@code 20250303 110000}. */
    static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss", Locale.ROOT);

    /** The shapes EasyPaisa's answers use for times; the first that reads wins. */
    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
            EXPIRY,
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("dd/MM/yyyy hh:mm a", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT));

    private Formats() {
    }

    /**
     * Rupees as EasyPaisa's examples write them: at least one decimal ({@code "20.0"}, {@code "1500.0"}),
     * and the paisa when there are any ({@code "1500.5"}, {@code "1500.25"}). Never rounded.
     */
    static String amount(Money amount) {
        BigDecimal rupees = new BigDecimal(amount.toDecimalString()).stripTrailingZeros();
        return (rupees.scale() < 1 ? rupees.setScale(1) : rupees).toPlainString();
    }

    /** An instant as EasyPaisa's {@code yyyyMMdd HHmmss}, in Pakistan time. */
    static String expiry(Instant instant) {
        return EXPIRY.format(instant.atZone(KARACHI));
    }

    /**
     * A time from an answer: ISO with an offset ({@code 2017-08-23T15:47:25.922+05:00}, how the SOAP API
     * writes token expiries), or one of the local shapes read as Pakistan time. Empty if none fits.
     */
    static Optional<Instant> parseTime(String text) {
        String value = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            for (DateTimeFormatter format : LOCAL_TIMES) {
                try {
                    return Optional.of(LocalDateTime.parse(value, format).atZone(KARACHI).toInstant());
                } catch (DateTimeParseException notThisOne) {
                    // try the next shape
                }
            }
            return Optional.empty();
        }
    }
}
