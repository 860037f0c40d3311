package io.tijarat.core.plugin;

import io.tijarat.core.plugin.jar.AllowList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The allow-list as read at the start of one scan: not configured, read, or configured but unreadable
 * (then every jar is refused: the operator asked for hash checking, and a missing list must not turn
 * it off). Values, so a scan can tell whether the list changed since the last one.
 */
sealed interface AllowListState {

    /** Why a jar with this hash may not run, if it may not. */
    Optional<String> refusal(String fileName, String sha256);

    static AllowListState read(Optional<Path> file) {
        if (file.isEmpty()) {
            return new Off();
        }
        try {
            return new Listed(file.get(), AllowList.read(file.get()));
        } catch (IOException e) {
            return new Unreadable(file.get(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** No allow-list configured: any jar may run. */
    record Off() implements AllowListState {
        @Override
        public Optional<String> refusal(String fileName, String sha256) {
            return Optional.empty();
        }
    }

    record Listed(Path file, AllowList list) implements AllowListState {
        @Override
        public Optional<String> refusal(String fileName, String sha256) {
            if (list.allows(sha256)) {
                return Optional.empty();
            }
            String problems = list.problems().isEmpty() ? "" : " (note: " + String.join("; ", list.problems()) + ")";
            return Optional.of("tampered or unknown jar: the SHA-256 of " + fileName + ", " + sha256
                    + ", is not in the allow-list " + file + "; if this jar is trusted, add the line '" + sha256
                    + "  " + fileName + "'" + problems);
        }
    }

    record Unreadable(Path file, String problem) implements AllowListState {
        @Override
        public Optional<String> refusal(String fileName, String sha256) {
            return Optional.of("the allow-list " + file + " cannot be read (" + problem
                    + "), so no plugin is trusted until it can");
        }
    }
}
