/**
 * The server's settings, read once at start-up into one typed object and validated before anything else runs:
 * a wrong value stops the start with a message that names the key and the expected form, instead of a
 * surprise at 2 a.m. The sources and their order (system property, environment variable, the properties
 * file) are MicroProfile Config's, as the launcher arranges them; {@code tijarat.mode} is parsed here only.
 */
package io.tijarat.core.config;
