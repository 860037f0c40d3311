package io.tijarat.spi;

import io.tijarat.spi.internal.Checks;

/**
 * What the core answers a gateway's notification with, when the gateway expects a particular body
 * (JazzCash acknowledges an IPN with {@code {"pp_ResponseCode":"000",…}}). Most gateways only want
 * HTTP 200: use {@link #ok()}. Immutable and thread-safe.
 *
 * @param status      the HTTP status, 200 to 599
 * @param contentType the media type of the body, e.g. {@code application/json}
 * @param body        the body, possibly empty; never secrets
 */
public record CallbackReply(int status, String contentType, String body) {

    private static final CallbackReply OK = new CallbackReply(200, "text/plain; charset=UTF-8", "");

    public CallbackReply {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 200 to 599, was " + status);
        }
        Checks.notBlank(contentType, "contentType");
        Checks.notNull(body, "body");
    }

    /** HTTP 200 with an empty body. */
    public static CallbackReply ok() {
        return OK;
    }

    /** HTTP 200 with a JSON body. */
    public static CallbackReply json(String json) {
        return new CallbackReply(200, "application/json", json);
    }
}
