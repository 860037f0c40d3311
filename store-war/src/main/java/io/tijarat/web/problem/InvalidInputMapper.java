package io.tijarat.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link InvalidInputException} → 400 problem naming each field. */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {

    @Override
    public Response toResponse(InvalidInputException exception) {
        return Problem.invalid("The request has " + exception.errors().size() + " invalid value(s).",
                exception.errors()).toResponse();
    }
}
