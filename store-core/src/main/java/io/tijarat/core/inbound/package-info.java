/**
 * Everything a provider's server or a returning customer's browser tells us, through one door: the plugin
 * verifies the raw bytes, a verified event is stored once (deduplicated) and applied through the same idempotent
 * path as inquiry and polling, and the answer to send back is decided here — so the web resources only parse
 * HTTP and write the reply, and a forged request is refused and counted the same way everywhere.
 */
package io.tijarat.core.inbound;
