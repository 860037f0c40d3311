package io.tijarat.core.plugin;

import io.tijarat.spi.ProviderDescriptor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The right to use one provider for one call (or a short sequence of calls), from
 * {@link PluginRegistry#acquire}:
 *
 * <pre>{@code
 * try (ProviderLease<PaymentProvider> lease = registry.acquire("jazzcash", ProviderType.PAYMENT).orElseThrow(...)) {
 *     PaymentOutcome outcome = lease.provider().start(request);
 * }
 * }</pre>
 *
 * <p>While a lease is open, the plugin jar it came from stays loaded, even if the jar is replaced or
 * removed meanwhile: the call finishes on the version it started on, and new leases get the new
 * version. The old class loader is closed when its last lease is closed. <b>Always close a lease</b>
 * (try-with-resources): a lease left open keeps an old plugin version in memory for good.
 *
 * <p>{@link #close()} is idempotent and may be called from any thread. Do not keep the provider beyond
 * the lease: after {@code close()}, {@link #provider()} throws.
 *
 * @param <P> the provider interface
 */
public final class ProviderLease<P> implements AutoCloseable {

    private final P provider;
    private final ProviderDescriptor descriptor;
    private final LoadedPlugin plugin;
    private final AtomicBoolean closed = new AtomicBoolean();

    ProviderLease(P provider, ProviderDescriptor descriptor, LoadedPlugin plugin) {
        this.provider = provider;
        this.descriptor = descriptor;
        this.plugin = plugin;
    }

    /** The provider; shared with other leases and threads (providers are thread-safe per the SPI). */
    public P provider() {
        if (closed.get()) {
            throw new IllegalStateException("the lease on provider " + descriptor.id() + " is closed");
        }
        return provider;
    }

    public ProviderDescriptor descriptor() {
        return descriptor;
    }

    /** The jar the provider came from, for logs. */
    public String jarFileName() {
        return plugin.jar().fileName();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            plugin.release();
        }
    }
}
