package io.tijarat.spi;

import java.util.regex.Pattern;

/**
 * The key that makes a changing call safe to repeat. The core generates one for every attempt to
 * change something at a gateway — a payment attempt (the attempt id), a refund, a booking, a
 * message — stores it before the call, and sends the same key again when it retries that call.
 *
 * <p><b>Plugins MUST forward the key to the gateway</b>: as the merchant reference where the
 * gateway has one (JazzCash {@code pp_TxnRefNo}, EasyPaisa {@code orderRefNum}/{@code orderId},
 * courier order references), as an {@code Idempotency-Key} header where the gateway supports one, or
 * both. That is what lets the gateway refuse a duplicate, and what lets the core find a lost answer
 * again by inquiry. A plugin must never make up its own reference for a changing call, and must
 * never send a different key for a retry of the same call.
 *
 * <p>The shape is deliberately narrow — 8 to 20 upper-case ASCII letters and digits — so that every
 * gateway we know of accepts it verbatim in its reference field and echoes it back unchanged (some
 * upper-case what they echo; some refuse punctuation; JazzCash allows 20 characters). Immutable and
 * thread-safe.
 *
 * @param value the key, e.g. {@code T7K2M9Q4X1B8C3D5E6F0}
 */
public record IdempotencyKey(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{8,20}");

    public IdempotencyKey {
        if (value == null) {
            throw new NullPointerException("idempotency key must not be null");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "idempotency key must be 8 to 20 upper-case letters A-Z and digits 0-9, was '" + value + "'");
        }
    }

    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
