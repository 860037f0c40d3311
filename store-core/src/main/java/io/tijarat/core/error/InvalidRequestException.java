package io.tijarat.core.error;

import java.util.List;

/** The request breaks a rule the client can fix; names each field and why (→ 400 or 422). */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One refused value: where it was and why. */
    public record Violation(String field, String reason) {
    }

    private final transient List<Violation> violations;
    private final boolean unprocessable;

    private InvalidRequestException(List<Violation> violations, boolean unprocessable) {
        super(violations.isEmpty() ? "invalid request" : violations.get(0).field() + ": " + violations.get(0).reason(),
                null, false, false);
        this.violations = List.copyOf(violations);
        this.unprocessable = unprocessable;
    }

    /** Malformed or out-of-range input (400). */
    public static InvalidRequestException invalid(String field, String reason) {
        return new InvalidRequestException(List.of(new Violation(field, reason)), false);
    }

    public static InvalidRequestException invalid(List<Violation> violations) {
        return new InvalidRequestException(violations, false);
    }

    /** Well-formed input the current state cannot accept, e.g. more than is in stock (422). */
    public static InvalidRequestException unprocessable(String field, String reason) {
        return new InvalidRequestException(List.of(new Violation(field, reason)), true);
    }

    public List<Violation> violations() { return violations; }

    public boolean unprocessable() { return unprocessable; }
}
