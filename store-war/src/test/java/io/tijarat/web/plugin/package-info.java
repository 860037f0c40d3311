/** Plugins in the running server: jar swaps and upgrades without a restart, and fault tolerance per provider. */
package io.tijarat.web.plugin;
