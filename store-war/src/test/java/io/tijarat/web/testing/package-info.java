/**
 * What the server tests share, and no tests of its own: {@link io.tijarat.web.testing.TijaratIT} with
 * {@link io.tijarat.web.testing.PayaraTestServer} (the real WAR on Payara Micro, loopback only, a real database),
 * and clients for HTTP, the admin API, the database, the payment stubs and plugins dropped into the running server.
 */
package io.tijarat.web.testing;
