/** Inbound provider callbacks: verified over the raw bytes, stored once, answered at once, applied after. */
package io.tijarat.web.webhook;
