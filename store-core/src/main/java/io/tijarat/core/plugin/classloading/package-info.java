/**
 * Plugin class-loader isolation: what a plugin jar can see of the server ({@link
 * io.tijarat.core.plugin.classloading.ExposedPackages}: the JDK and the SPI, nothing else) and the
 * loader that enforces it ({@link io.tijarat.core.plugin.classloading.PluginClassLoader}).
 *
 * <p>Isolation here is about class identity and clashes (a plugin's Jackson never meets the server's),
 * not a security sandbox: plugin code runs with the server's permissions. The allow-list of jar hashes
 * decides whose code runs at all.
 */
package io.tijarat.core.plugin.classloading;
