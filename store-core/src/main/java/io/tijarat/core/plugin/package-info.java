/**
 * The plugin host: loads provider plugin jars from a directory, each in its own class loader, refuses
 * the ones it must (incompatible SPI, unknown hash, duplicate id, wrong kind) with a reason an operator
 * can act on, and hands the core working providers through leases, so a plugin can be replaced or
 * removed while calls are in flight.
 *
 * <p>Entry points: {@link io.tijarat.core.plugin.PluginRegistry} (scan, state, providers),
 * {@link io.tijarat.core.plugin.PluginDirectoryWatcher} (hot drop-in), and
 * {@link io.tijarat.core.plugin.PluginHostSettings}. Container-free: the core wires configuration,
 * clock, correlation ids and metrics in as plain functions.
 */
package io.tijarat.core.plugin;
