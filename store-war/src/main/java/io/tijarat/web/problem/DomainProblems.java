package io.tijarat.web.problem;

import io.tijarat.core.error.ConflictException;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.error.ServiceUnavailableException;
import io.tijarat.core.idempotency.IdempotencyConflictException;
import io.tijarat.core.order.IllegalTransitionException;
import io.tijarat.web.json.BodySizeLimit;
import io.tijarat.web.json.JsonBodies;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The core's domain exceptions as problem documents. One small mapper per exception type. */
public final class DomainProblems {

    private DomainProblems() {
    }

    @Provider
    public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            var errors = e.violations().stream().map(v -> new Problem.FieldError(v.field(), v.reason())).toList();
            if (e.unprocessable()) {
                return new Problem("https://tijarat.io/problems/unprocessable", "Cannot be done", 422,
                        errors.get(0).field() + " " + errors.get(0).reason(), errors).toResponse();
            }
            return Problem.invalid("The request has " + errors.size() + " invalid value(s).", errors).toResponse();
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
        }
    }

    @Provider
    public static class Unavailable implements ExceptionMapper<ServiceUnavailableException> {
        @Override
        public Response toResponse(ServiceUnavailableException e) {
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).toResponse())
                    .header("Retry-After", "30").build();
        }
    }

    @Provider
    public static class Transition implements ExceptionMapper<IllegalTransitionException> {
        @Override
        public Response toResponse(IllegalTransitionException e) {
            return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
        }
    }

    @Provider
    public static class OptimisticLock implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return Problem.of(Response.Status.CONFLICT,
                    "Someone else changed this at the same moment; reload and try again.").toResponse();
        }
    }

    /**
     * A commit that failed: Jakarta Transactions wraps it in TransactionalException. A version conflict
     * (two people changed the same cart, order or product at once) is 409, to be retried; anything else is
     * a bug and goes to the last-line mapper.
     */
    @Provider
    public static class FailedCommit implements ExceptionMapper<jakarta.transaction.TransactionalException> {
        @Override
        public Response toResponse(jakarta.transaction.TransactionalException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OptimisticLockException || t.getClass().getSimpleName().contains("StaleObjectState")
                        || t.getClass().getSimpleName().contains("OptimisticLock")) {
                    return new OptimisticLock().toResponse(new OptimisticLockException(t.getMessage()));
                }
            }
            return new UnexpectedExceptionMapper().toResponse(e);
        }
    }

    @Provider
    public static class Idempotency implements ExceptionMapper<IdempotencyConflictException> {
        @Override
        public Response toResponse(IdempotencyConflictException e) {
            int status = e.reason() == IdempotencyConflictException.Reason.DIFFERENT_REQUEST ? 422 : 409;
            var builder = new Problem("https://tijarat.io/problems/idempotency-key", "Idempotency-Key in use", status,
                    e.getMessage(), null).toResponse();
            return status == 409 ? Response.fromResponse(builder).header("Retry-After", "2").build() : builder;
        }
    }

    /** JSON that does not bind (wrong type, unknown field, malformed) when Jersey reads a body itself. */
    @Provider
    public static class Json implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return new InvalidInputMapper().toResponse(JsonBodies.invalid(e));
        }
    }

    /** Body-reading failures: over the size limit (413), or JSON that does not bind (400). */
    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BodySizeLimit.TooLargeException tooLarge) {
                    return BodySizeLimit.tooLarge(tooLarge.limit());
                }
                if (t instanceof JsonbException) {
                    return new InvalidInputMapper().toResponse(JsonBodies.invalid(t));
                }
            }
            return new InvalidInputMapper().toResponse(new InvalidInputException("body", "could not be read"));
        }
    }
}
