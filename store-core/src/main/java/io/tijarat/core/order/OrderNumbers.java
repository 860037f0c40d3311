package io.tijarat.core.order;

import java.security.SecureRandom;

/**
 * Order numbers a customer can read over the phone: "TJ-" and eight characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L, 5/S, 8/B, 2/Z, U), e.g. {@code TJ-7K3M-9QXD}. Random, so they reveal nothing
 * about sales volume; uniqueness is enforced by the database (a clash, about 1 in 10^11 per pair, is
 * retried by the caller).
 */
public final class OrderNumbers {

    private static final char[] ALPHABET = "34679ACDEFGHJKMNPQRTVWXY".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private OrderNumbers() {
    }

    public static String next() {
        var sb = new StringBuilder("TJ-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                sb.append('-');
            }
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
