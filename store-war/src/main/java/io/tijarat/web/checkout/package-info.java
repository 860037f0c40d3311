/** The checkout endpoint, safe to retry with an Idempotency-Key. */
package io.tijarat.web.checkout;
