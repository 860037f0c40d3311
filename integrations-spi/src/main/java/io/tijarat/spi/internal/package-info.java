/**
 * Helpers the SPI's own types share. <strong>Not part of the contract:</strong> plugins must not use
 * anything here, and it may change in any release, minor or patch.
 */
package io.tijarat.spi.internal;
