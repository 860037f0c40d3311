package io.tijarat.spi;

/**
 * The entry point of a plugin, found by {@link java.util.ServiceLoader}. A plugin implements one of
 * the kind-specific sub-interfaces — {@code PaymentProviderFactory}, {@code ShippingProviderFactory},
 * {@code NotificationProviderFactory} — and lists its class in
 * {@code META-INF/services/<that interface's name>}.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>The core loads the plugin jar in its own class loader and instantiates the factory once per
 *       server, through its public no-argument constructor. The constructor does no I/O.</li>
 *   <li>It reads {@link #descriptor()}, checks the id, kind and configuration, and refuses the plugin
 *       with a message if anything is wrong.</li>
 *   <li>It calls {@link #create(ProviderContext)} at start-up, and again whenever the operator
 *       changes the provider's configuration. The returned provider serves every call, from many
 *       threads at once, until it is replaced.</li>
 *   <li>It calls {@link #close()} when the server stops or the plugin is unloaded; no provider from
 *       this factory is called after that.</li>
 * </ol>
 *
 * <p>Thread safety: {@code descriptor()} may be called from any thread at any time; the core never
 * calls {@code create} and {@code close} concurrently with each other.
 *
 * @param <P> the provider interface this factory creates
 */
public interface ProviderFactory<P> extends AutoCloseable {

    /**
     * Who this provider is and what it supports. Must return an equal descriptor on every call,
     * without I/O; typically a constant.
     */
    ProviderDescriptor descriptor();

    /**
     * Creates the working provider from its context. Validate the configuration here and fail fast:
     * the server must not take orders through a provider that cannot work. Avoid network calls (the
     * server must start while a gateway is down): fetch tokens or city lists lazily, on first use.
     *
     * @throws PermanentProviderException naming the key and the fix, if the configuration is missing
     *                                    or invalid (for example live mode pointed at a sandbox host)
     */
    P create(ProviderContext context);

    /** Releases what the factory holds; by default nothing. Must not throw. */
    @Override
    default void close() {
    }
}
