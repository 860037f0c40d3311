package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.Redaction;

/**
 * Text EasyPaisa sent (a {@code responseDesc}, an {@code errorReason}, a status word) made fit for staff
 * screens and logs: printable, on one line, short, and with phone and CNIC numbers masked. Such text is
 * unsigned and may be hostile; it is never parsed for meaning.
 */
final class GatewayText {

    private static final int MAX_LENGTH = 120;

    private GatewayText() {
    }

    static String clean(String text) {
        String printable = text.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", " ").replaceAll("\\s+", " ").strip();
        String shortened = printable.length() > MAX_LENGTH ? printable.substring(0, MAX_LENGTH) + "…" : printable;
        return Redaction.redact(shortened);
    }
}
