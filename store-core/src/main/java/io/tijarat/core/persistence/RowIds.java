package io.tijarat.core.persistence;

import java.security.SecureRandom;

/** Random row ids shared by payment attempts, refunds, shipments and outbox messages. */
public final class RowIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RowIds() {
    }

    /** 20 characters of Crockford base32 (100 bits): fits every gateway's merchant-reference field. */
    public static String newId() {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
