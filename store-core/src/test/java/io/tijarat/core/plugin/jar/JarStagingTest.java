package io.tijarat.core.plugin.jar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarStagingTest {

    @TempDir
    Path temp;

    @Test
    void givenAFile_whenStaged_thenTheCopyHasTheSameBytesAndTheirSha256() throws IOException {
        Path source = Files.writeString(temp.resolve("abc.jar"), "abc");
        JarStaging staging = new JarStaging(temp.resolve("staging"));

        StagedJar staged = staging.stage(source);

        // SHA-256("abc"), the FIPS 180-2 test vector.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", staged.sha256());
        assertEquals("abc.jar", staged.fileName());
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(staged.copy()));
        assertTrue(staged.copy().startsWith(temp.resolve("staging")));
        assertEquals(staged.sha256(), JarStaging.sha256Of(source));
    }

    @Test
    void givenTheSameFileStagedTwice_whenStaged_thenEachCopyIsPrivate() throws IOException {
        Path source = Files.writeString(temp.resolve("a.jar"), "same");
        JarStaging staging = new JarStaging(temp.resolve("staging"));

        StagedJar first = staging.stage(source);
        StagedJar second = staging.stage(source);

        assertNotEquals(first.copy(), second.copy());
        assertEquals(first.sha256(), second.sha256());
    }

    @Test
    void givenAStagedCopy_whenTheOriginalIsOverwritten_thenTheCopyKeepsItsBytes() throws IOException {
        Path source = Files.writeString(temp.resolve("a.jar"), "version 1");
        StagedJar staged = new JarStaging(temp.resolve("staging")).stage(source);

        Files.writeString(source, "version 2, longer");

        assertEquals("version 1", Files.readString(staged.copy()));
    }

    @Test
    void givenLeftoversOfAnEarlierRun_whenTheStagingAreaIsCreated_thenTheyAreDeletedAndNothingElse() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("staging"));
        Path leftover = Files.writeString(directory.resolve("staged-123-jazzcash.jar"), "old");
        Path leftoverLibs = Files.createDirectories(directory.resolve("staged-123-jazzcash.jar.lib"));
        Files.writeString(leftoverLibs.resolve("gson.jar"), "old");
        Path foreign = Files.writeString(directory.resolve("notes.txt"), "not ours");

        new JarStaging(directory);

        assertFalse(Files.exists(leftover));
        assertFalse(Files.exists(leftoverLibs));
        assertTrue(Files.exists(foreign));
    }

    @Test
    void givenAMissingFile_whenStaged_thenIoExceptionAndNothingLeftBehind() throws IOException {
        JarStaging staging = new JarStaging(temp.resolve("staging"));

        assertThrows(NoSuchFileException.class, () -> staging.stage(temp.resolve("gone.jar")));
        try (var files = Files.list(staging.directory())) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
