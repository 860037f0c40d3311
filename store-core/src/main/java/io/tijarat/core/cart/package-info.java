/** Carts: lines of catalog variants with limits, and their totals (subtotal, tax, weight). */
package io.tijarat.core.cart;
