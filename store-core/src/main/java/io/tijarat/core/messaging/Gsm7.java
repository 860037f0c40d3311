package io.tijarat.core.messaging;

/**
 * The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038, section 6.2.1), as Unicode.
 * An extension character is sent as ESC plus its code, so it takes two septets and two parts must not
 * split the pair.
 */
final class Gsm7 {

    // The 128 characters of the default alphabet in code order; 0x1B (ESC) is not a character of its own.
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    // Characters reached through the extension table: form feed, ^ { } \ [ ~ ] | and the euro sign.
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private Gsm7() {
    }

    /** Septets {@code c} takes in GSM-7: 1, 2 (extension table) or 0 when GSM-7 cannot carry it. */
    static int septets(int codePoint) {
        if (codePoint == 0x1B || codePoint > 0xFFFF) {
            return 0;
        }
        char c = (char) codePoint;
        if (BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }
}
