package io.tijarat.web.config;

import io.tijarat.core.provider.CorrelationIds;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;

/**
 * Gives every API request a correlation id — the client's {@code X-Correlation-Id} when it is a sane
 * token, else a new one — which provider calls forward to gateways and which the response echoes.
 */
@Provider
@PreMatching
public class CorrelationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String HEADER = "X-Correlation-Id";

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        CorrelationIds.set(given != null && given.matches("[A-Za-z0-9._-]{8,64}") ? given : UUID.randomUUID().toString());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        CorrelationIds.current().ifPresent(id -> response.getHeaders().putSingle(HEADER, id));
        CorrelationIds.clear();
    }
}
