/**
 * Small cryptographic helpers shared by the core and the web layer: SHA-256 fingerprints and token hashes
 * ({@link io.tijarat.core.crypto.Sha256}), and authenticated encryption of secrets the server must read back
 * ({@link io.tijarat.core.crypto.SecretBox}, AES-256-GCM with key ids for rotation). Depends on the JDK only.
 */
package io.tijarat.core.crypto;
