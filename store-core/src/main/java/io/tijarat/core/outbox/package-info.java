/**
 * The transactional outbox: messages about order events are written in the same transaction as the
 * change they announce (so a message is never sent for a change that rolled back, nor lost for one that
 * committed), rendered per event and locale (English, Urdu), and delivered afterwards by a relay with
 * retries, exponential backoff with jitter and parking — safe with several servers.
 */
package io.tijarat.core.outbox;
