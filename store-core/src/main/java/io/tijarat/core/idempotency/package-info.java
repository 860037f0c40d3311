/**
 * Idempotency-Key handling with the IETF draft's semantics: the same key and request replay the first
 * response; the same key with another request is refused; a retry while the first is still running is
 * told so. Keys are scoped per client and kept at least 24 hours.
 */
package io.tijarat.core.idempotency;
