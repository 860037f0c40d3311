package io.tijarat.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own answers (404, 405, 406, 415, …) as problem documents instead of HTML pages. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.getStatus() >= 500) {
            return new UnexpectedExceptionMapper().toResponse(exception);
        }
        if (original.getEntity() instanceof Problem) {
            return original; // already a problem document (e.g. a 429 with its Retry-After)
        }
        var problem = Problem.of(original.getStatusInfo(), original.getStatusInfo().getReasonPhrase());
        var builder = Response.fromResponse(original).type(Problem.MEDIA_TYPE).entity(problem);
        return builder.build();
    }
}
