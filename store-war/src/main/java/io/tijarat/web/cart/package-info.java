/** Storefront cart endpoints. */
package io.tijarat.web.cart;
