/** Container wiring: the application's data source, configured only from system properties or the environment. */
package io.tijarat.web.config;
