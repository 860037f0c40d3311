package io.tijarat.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.config.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Production runs only plugins the operator listed: no allow-list, no start. */
class PluginAllowListGuardTest {

    @TempDir
    Path temp;

    @Test
    void givenProductionWithoutAnAllowList_whenStarting_thenItRefusesNamingTheKey() {
        String problem = PluginAllowListGuard.problem(Mode.PRODUCTION, Optional.empty()).orElseThrow();

        assertTrue(problem.contains("tijarat.plugins.allow-list"), problem);
        assertTrue(PluginAllowListGuard.problem(Mode.PRODUCTION, Optional.of("  ")).isPresent());
    }

    @Test
    void givenProductionWithAnAllowListThatCannotBeReadOrHasBadLines_whenStarting_thenItRefuses() throws IOException {
        assertTrue(PluginAllowListGuard.problem(Mode.PRODUCTION, Optional.of(temp.resolve("missing").toString()))
                .orElseThrow().contains("cannot be read"));
        Path typo = Files.writeString(temp.resolve("typo.sha256"), "3f1c  jazzcash.jar\n");
        assertTrue(PluginAllowListGuard.problem(Mode.PRODUCTION, Optional.of(typo.toString())).orElseThrow()
                .contains("line 1"));
    }

    @Test
    void givenProductionWithAReadableAllowList_orDevMode_whenStarting_thenItStarts() throws IOException {
        Path list = Files.writeString(temp.resolve("plugins.sha256"), "# none yet\n" + "a".repeat(64) + "  cod.jar\n");

        assertEquals(Optional.empty(), PluginAllowListGuard.problem(Mode.PRODUCTION, Optional.of(list.toString())));
        assertEquals(Optional.empty(), PluginAllowListGuard.problem(Mode.DEV, Optional.empty()));
        assertEquals(Optional.empty(), PluginAllowListGuard.problem(Mode.TEST, Optional.empty()));
    }
}
