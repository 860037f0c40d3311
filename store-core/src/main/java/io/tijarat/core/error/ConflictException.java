package io.tijarat.core.error;

/** The request is valid but clashes with the current state, e.g. a checked-out cart (→ 409). */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message, null, false, false);
    }
}
