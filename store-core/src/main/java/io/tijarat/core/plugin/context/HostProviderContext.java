package io.tijarat.core.plugin.context;

import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.ProviderLogger;
import java.time.Clock;

/**
 * The {@link ProviderContext} of one {@code create} call: fixed parts, so every method is cheap and
 * returns the same object every time, as the contract asks. Immutable and thread-safe.
 */
record HostProviderContext(String providerId, ProviderConfig config, Clock clock, ProviderLogger logger,
                           ProviderHttp httpClient) implements ProviderContext {
}
