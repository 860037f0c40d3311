/** Storefront catalog endpoints. */
package io.tijarat.web.catalog;
