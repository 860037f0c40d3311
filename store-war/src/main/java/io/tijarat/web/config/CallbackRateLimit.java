package io.tijarat.web.config;

import io.tijarat.web.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Limits the rate of inbound provider requests — notifications ({@code /api/webhooks/…}) and customer
 * returns ({@code /api/payments/return/…}) — per provider and client address, with a token bucket
 * ({@code tijarat.callbacks.rate-per-second}, burst {@code tijarat.callbacks.burst}). These endpoints are
 * public and each request costs a signature check, a database write and perhaps an inquiry; a flood is
 * answered 429 with Retry-After, which gateways treat as "deliver again later". The SPI promises plugins
 * that the core limits the rate before they see a request.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class CallbackRateLimit implements ContainerRequestFilter {

    private static final int MAX_BUCKETS = 10_000;

    private final double ratePerSecond = ConfigProvider.getConfig()
            .getOptionalValue("tijarat.callbacks.rate-per-second", Double.class).orElse(20.0);
    private final int burst = ConfigProvider.getConfig()
            .getOptionalValue("tijarat.callbacks.burst", Integer.class).orElse(40);

    @Context
    HttpServletRequest servletRequest;

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

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
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear(); // addresses churn; a full reset only forgives, it never blocks anyone
        }
        String key = trimmed.substring(0, trimmed.length() - provider.length()) + provider + "|"
                + servletRequest.getRemoteAddr();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst));
        if (!bucket.take(ratePerSecond, burst, System.nanoTime())) {
            request.abortWith(Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS,
                    "Too many requests for provider " + provider.replaceAll("[^a-z0-9-]", "")
                            + "; deliver again in a second.").toResponse()).header("Retry-After", "1").build());
        }
    }

    /** A token bucket: {@code rate} tokens a second, at most {@code capacity} saved up. */
    static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int capacity) {
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        synchronized boolean take(double rate, int capacity, long now) {
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
