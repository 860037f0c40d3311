package io.tijarat.core.plugin;

/**
 * A plugin jar that was replaced or removed but still has calls in flight: its class loader closes when
 * the last lease ends. For the admin screen and for diagnosing a lease that is never closed.
 *
 * @param jarFileName the file it was loaded from
 * @param sha256      the bytes it was loaded from
 * @param leases      leases still open
 */
public record DrainingPlugin(String jarFileName, String sha256, int leases) {
}
