package io.tijarat.spi;

import java.time.Clock;

/**
 * What the core gives a provider when it creates it: its identity, its configuration, time, logging
 * and HTTP. A plugin needs nothing else from the server, and must not reach for anything else — no
 * system properties, environment variables, static singletons, threads of its own or files.
 *
 * <p>Implemented by the core, once per {@link ProviderFactory#create(ProviderContext) create}. All
 * methods are cheap, return the same object every time, and are thread-safe; keep the context (or
 * what it returns) in final fields.
 */
public interface ProviderContext {

    /** The id from the provider's descriptor, e.g. {@code jazzcash}. */
    String providerId();

    /** This provider's configuration, and only this provider's. */
    ProviderConfig config();

    /**
     * The time source for everything time-dependent: gateway timestamps, expiry dates, token
     * lifetimes. Never call {@code Instant.now()} or {@code LocalDateTime.now()}: tests move this
     * clock. Gateways in Pakistan want {@code Asia/Karachi} local time; convert with this clock's
     * instant, not with the server's time zone.
     */
    Clock clock();

    /** A logger that tags and redacts; see {@link ProviderLogger}. */
    ProviderLogger logger();

    /** The HTTP client every network call must go through; see {@link ProviderHttp}. */
    ProviderHttp httpClient();
}
