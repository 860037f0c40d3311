/** The HTTP side of Idempotency-Key: header validation, replay, and giving the key back on a client error. */
package io.tijarat.web.idempotency;
