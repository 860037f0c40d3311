package io.tijarat.web.ratelimit;

import io.tijarat.core.config.TijaratSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Limits the rate of inbound provider requests — notifications ({@code /api/webhooks/…}) and customer
 * returns ({@code /api/payments/return/…}) — per provider and client address ({@link ClientAddresses}: behind a
 * trusted proxy, the forwarded client), with a token bucket ({@code tijarat.callbacks.rate-per-second}, burst
 * {@code tijarat.callbacks.burst}). These endpoints are public and each request costs a signature check, a
 * database write and perhaps an inquiry; a flood is answered 429 with Retry-After, which gateways treat as
 * "deliver again later". The SPI promises plugins that the core limits the rate before they see a request.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class CallbackRateLimit implements ContainerRequestFilter {

    @Inject
    TijaratSettings settings;

    @Inject
    ClientAddresses clients;

    @Context
    HttpServletRequest servletRequest;

    private KeyedRateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new KeyedRateLimiter(settings.callbackRatePerSecond(), settings.callbackBurst(), settings.rateLimitMaxKeys());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        String provider;
        if (trimmed.startsWith("webhooks/")) {
            provider = trimmed.substring("webhooks/".length());
        } else if (trimmed.startsWith("payments/return/")) {
            provider = trimmed.substring("payments/return/".length());
        } else {
            return;
        }
        // a made-up provider id shares one key per client: it cannot buy itself buckets
        String providerKey = provider.matches("[a-z0-9-]{1,40}") ? provider : "?";
        String key = trimmed.substring(0, trimmed.length() - provider.length()) + providerKey + "|" + clients.key(servletRequest);
        var decision = limiter.take(key);
        if (!decision.allowed()) {
            request.abortWith(TooManyRequests.response("Too many requests for provider "
                    + provider.replaceAll("[^a-z0-9-]", "") + "; deliver again later.", decision));
        }
    }
}
