package io.tijarat.core.error;

/** The thing asked for does not exist, or the caller may not know that it does (→ 404). */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what) {
        super(what, null, false, false);
    }
}
