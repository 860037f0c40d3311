/**
 * Inbound provider callbacks, payment and courier tracking: verified over the raw bytes, stored once, answered
 * at once; payment events are applied after, tracking events while the courier waits.
 */
package io.tijarat.web.webhook;
