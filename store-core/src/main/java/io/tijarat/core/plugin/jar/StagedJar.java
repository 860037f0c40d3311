package io.tijarat.core.plugin.jar;

import java.nio.file.Path;

/**
 * A private copy of a plugin jar and the SHA-256 of exactly those bytes.
 *
 * @param fileName the name in the plugin directory, e.g. {@code jazzcash-1.2.0.jar}
 * @param copy     the copy in the staging directory; the server loads this one, never the original
 * @param sha256   lower-case hex
 */
public record StagedJar(String fileName, Path copy, String sha256) {
}
