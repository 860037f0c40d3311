/**
 * The public edges under abuse: floods from behind the proxy, forged provider notifications, checkout used as a
 * spam relay, and cash-on-delivery orders nobody confirms.
 */
package io.tijarat.web.security;
