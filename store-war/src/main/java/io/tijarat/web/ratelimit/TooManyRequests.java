package io.tijarat.web.ratelimit;

import io.tijarat.web.problem.Problem;
import jakarta.ws.rs.core.Response;

/** The one refusal every limit gives: 429 problem+json with {@code Retry-After} in whole seconds. */
final class TooManyRequests {

    private TooManyRequests() {
    }

    static Response response(String detail, KeyedRateLimiter.Decision decision) {
        return Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS, detail).toResponse())
                .header("Retry-After", Long.toString(decision.retryAfterSeconds())).build();
    }
}
