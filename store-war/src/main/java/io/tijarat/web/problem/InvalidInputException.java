package io.tijarat.web.problem;

import java.util.List;

/** Input the client must fix; becomes a 400 problem listing each field and its reason. */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem.FieldError> errors;

    public InvalidInputException(String field, String reason) {
        this(List.of(new Problem.FieldError(field, reason)));
    }

    public InvalidInputException(List<Problem.FieldError> errors) {
        super(errors.size() + " invalid value(s)", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
