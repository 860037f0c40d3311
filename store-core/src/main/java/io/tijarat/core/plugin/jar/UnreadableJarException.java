package io.tijarat.core.plugin.jar;

import java.io.IOException;

/**
 * A file in the plugin directory is not a readable jar: typically one still being copied (its zip
 * directory, written last, is missing), sometimes a corrupt upload. Not a verdict on the plugin: the
 * host tries again when the file changes.
 */
public final class UnreadableJarException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableJarException(String fileName, IOException cause) {
        super(fileName + " is not a readable jar (still being copied, or corrupt): " + cause.getMessage(), cause);
    }
}
