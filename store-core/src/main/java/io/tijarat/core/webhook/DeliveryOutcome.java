package io.tijarat.core.webhook;

/** What one attempt to deliver came to. */
public sealed interface DeliveryOutcome {

    /** The text recorded as the delivery's last error (never a response body, which may hold anything). */
    String error();

    /** The receiver answered 2xx. */
    record Delivered(int statusCode) implements DeliveryOutcome {
        @Override
        public String error() {
            return null;
        }
    }

    /** The receiver answered, but not 2xx (a redirect counts: redirects are not followed). */
    record Rejected(int statusCode) implements DeliveryOutcome {
        @Override
        public String error() {
            return "HTTP " + statusCode;
        }
    }

    /** No answer: the address was refused, the connection failed, or the request timed out. */
    record NoAnswer(String error) implements DeliveryOutcome {
    }
}
