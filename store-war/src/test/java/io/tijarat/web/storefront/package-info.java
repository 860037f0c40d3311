/**
 * The customer's path over HTTP, browse → cart → checkout → order status, with its idempotency and concurrency
 * promises on the real database, bad input, and the admin API's tokens and roles.
 */
package io.tijarat.web.storefront;
