/**
 * What the host hands a provider when it creates it ({@link io.tijarat.spi.ProviderContext}): its own
 * slice of the configuration, a clock, a redacting logger and the guarded HTTP client. Free of
 * MicroProfile and CDI so it can be tested without a container: the core supplies the configuration
 * lookup, clock, correlation ids and metrics listener as plain Java functions.
 */
package io.tijarat.core.plugin.context;
