/**
 * The HTTP face of Tijarat: JAX-RS resources under {@code /api}, problem-details error mapping, and the
 * container wiring (data source, health checks). Resources stay thin; the use cases live in store-core.
 */
package io.tijarat.web;
