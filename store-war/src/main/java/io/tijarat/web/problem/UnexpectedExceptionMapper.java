package io.tijarat.web.problem;

import io.tijarat.core.plugin.context.Redactor;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: a bug becomes a 500 problem with an incident id and no internals (no stack trace, no SQL,
 * no class names); the cause is logged under the same id, with phone and CNIC numbers masked (whatever
 * reached here may quote a customer's data; plugin exceptions are redacted, secrets included, before that).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, Redactor.PERSONAL_DATA.redact(exception));
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Incident " + incident + " has been logged.").toResponse();
    }
}
