/**
 * Plugin jar files before any of their code runs: a private copy and its SHA-256
 * ({@link io.tijarat.core.plugin.jar.JarStaging}), what the manifest and service files declare
 * ({@link io.tijarat.core.plugin.jar.PluginJar}), and the operator's allow-list of jar hashes
 * ({@link io.tijarat.core.plugin.jar.AllowList}).
 */
package io.tijarat.core.plugin.jar;
