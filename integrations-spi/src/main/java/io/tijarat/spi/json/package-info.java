/**
 * JSON for plugins: enough to read and write gateway payloads, strictly, with the JDK alone.
 *
 * <p>Why here and not a library a plugin shades: plugins see only the JDK and the SPI, so each would otherwise
 * bundle (or, as the first three bundled plugins did, write) its own parser; the SPI's class loader shares this
 * package with every plugin, so there is one copy, versioned with the contract (since SPI 1.2).
 *
 * <p>Reading is strict (RFC 8259): a body that is not one JSON object — a firewall's HTML page answered with
 * status 200, a body cut off half-way, a member name given twice — is a {@link io.tijarat.spi.json.JsonException}
 * whose message never quotes the body (it may hold personal data). Numbers keep the exact text the gateway
 * wrote ({@link io.tijarat.spi.json.JsonNumber}), since signatures are computed over that text.
 */
package io.tijarat.spi.json;
