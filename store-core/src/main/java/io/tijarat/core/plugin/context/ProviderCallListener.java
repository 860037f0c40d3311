package io.tijarat.core.plugin.context;

/**
 * Receives every HTTP exchange a provider makes through its {@code ProviderHttp}, for per-provider
 * metrics (count, latency, status class). The core binds it to MicroProfile Metrics, tagged by
 * provider id: Fault Tolerance's own metrics merge all providers into one series.
 *
 * <p>Called on the provider's calling thread, after the exchange, from many threads at once: keep it
 * quick and thread-safe. An exception it throws is logged and never fails the provider's call.
 */
@FunctionalInterface
public interface ProviderCallListener {

    /** Ignores every call. */
    ProviderCallListener NONE = call -> {
    };

    /** Called once per exchange that was attempted (not for a request refused before sending). */
    void onCall(ProviderCall call);
}
