package io.tijarat.plugin.banktransfer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Pakistani IBAN (ISO 13616): {@code PK}, two check digits, a four-letter bank code and sixteen
 * letters or digits for the account, 24 characters in all. Checked once, when the operator's value is
 * read, so a mistyped digit stops the provider instead of sending customers' money to a stranger.
 *
 * <p>The account part is {@code 16!c} in the SWIFT IBAN registry (letters are allowed, though banks in
 * Pakistan issue digits): accepting what the standard allows keeps a valid IBAN from being refused,
 * and the mod-97 check still catches every single mistyped character and swapped neighbours.
 *
 * @param electronic the IBAN in electronic form: upper case, no spaces, e.g.
 *                   {@code PK36SCBL0000001123456702}
 */
record Iban(String electronic) {

    static final int LENGTH = 24;

    private static final Pattern SHAPE = Pattern.compile("PK\\d{2}[A-Z]{4}[A-Z0-9]{16}");

    /**
     * Reads an IBAN as people write it: spaces anywhere (it is printed in groups of four), either case.
     *
     * @throws IllegalArgumentException saying what is wrong, for a message that names the key
     */
    static Iban parse(String written) {
        String compact = written.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (!compact.startsWith("PK")) {
            throw new IllegalArgumentException("must be a Pakistani IBAN, starting with PK");
        }
        if (compact.length() != LENGTH) {
            throw new IllegalArgumentException("must be " + LENGTH + " characters without spaces (PK, 2 check digits,"
                    + " a 4-letter bank code, 16 letters or digits), has " + compact.length());
        }
        if (!SHAPE.matcher(compact).matches()) {
            throw new IllegalArgumentException("must be PK, 2 check digits, a 4-letter bank code and 16 letters or"
                    + " digits");
        }
        if (mod97(compact) != 1) {
            throw new IllegalArgumentException("fails the IBAN check digits (ISO 13616 mod 97): a character is"
                    + " mistyped; copy it again from the bank's letter, cheque book or app");
        }
        return new Iban(compact);
    }

    /** {@code PK36 SCBL 0000 0011 2345 6702}: how banks print it, and easier to copy by eye. */
    String grouped() {
        StringBuilder text = new StringBuilder(LENGTH + LENGTH / 4);
        for (int i = 0; i < LENGTH; i += 4) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(electronic, i, i + 4);
        }
        return text.toString();
    }

    /**
     * ISO 13616's check: move the first four characters to the end, write each letter as a number
     * (A = 10 … Z = 35) and take the remainder by 97, digit by digit so nothing overflows.
     */
    private static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int value = Character.digit(rearranged.charAt(i), 36);
            remainder = (value < 10 ? remainder * 10 : remainder * 100) + value;
            remainder %= 97;
        }
        return remainder;
    }

    @Override
    public String toString() {
        return grouped();
    }
}
