package io.tijarat.spi.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number as the sender wrote it: {@code 150000} stays {@code "150000"}, {@code -1.5e3} stays
 * {@code "-1.5e3"} — a signature over the body covers that text, not a re-formatted value.
 *
 * @param text the number's literal text, valid under RFC 8259
 */
public record JsonNumber(String text) {

    public JsonNumber {
        Objects.requireNonNull(text, "text");
    }

    /** The value, exactly. */
    public BigDecimal decimal() {
        return new BigDecimal(text);
    }

    /** The value in plain notation: {@code 1500.0}, never {@code 1.5E+3}. */
    public String plain() {
        return decimal().toPlainString();
    }

    @Override
    public String toString() {
        return text;
    }
}
