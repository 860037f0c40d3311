/**
 * Idempotency-Key handling with the IETF draft's semantics: the same key and request replay the first
 * response; the same key with another request is refused; a retry while the first is still running is
 * told so. Keys are scoped per client, compared byte for byte (binary collation: {@code Key-A} and {@code key-a}
 * are two keys) and kept at least 24 hours. A stored answer holds no credential: the web layer leaves the order
 * access token out and issues a fresh one on replay.
 */
package io.tijarat.core.idempotency;
