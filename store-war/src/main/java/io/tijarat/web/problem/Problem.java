package io.tijarat.web.problem;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document; {@code errors} lists field-level reasons for invalid input. */
@JsonbNillable(false)
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: where it was ({@code field}) and why it was refused. */
    public record FieldError(String field, String reason) {
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("https://tijarat.io/problems/invalid-input", "Invalid input",
                Response.Status.BAD_REQUEST.getStatusCode(), detail, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
