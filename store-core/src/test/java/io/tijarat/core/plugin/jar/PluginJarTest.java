package io.tijarat.core.plugin.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.TestPluginJars;
import io.tijarat.spi.payment.PaymentProviderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarTest {

    @TempDir
    Path temp;

    @Test
    void givenAPluginJar_whenRead_thenManifestAndServicesAreReported() throws Exception {
        byte[] bytes = TestPluginJars.jar().spiVersion(" 1.0 ").manifest("Implementation-Version", "1.2.0")
                .entry("META-INF/services/" + PaymentProviderFactory.class.getName(),
                        "# the factory\nfixture.Factory  # trailing comment\n\nfixture.Other\n")
                .bytes();

        PluginJar jar = read("jazzcash.jar", bytes);

        assertEquals(Optional.of("1.0"), jar.declaredSpiVersion());
        assertEquals(Optional.of("1.2.0"), jar.implementationVersion());
        assertEquals(Map.of(PaymentProviderFactory.class.getName(), List.of("fixture.Factory", "fixture.Other")),
                jar.services());
        assertEquals("jazzcash.jar", jar.fileName());
        assertEquals(JarStaging.sha256Of(jar.staged().copy()), jar.sha256());
        assertTrue(jar.classPathDeclarations().isEmpty());
    }

    @Test
    void givenNoSpiVersionInTheManifest_whenRead_thenItIsEmpty() throws Exception {
        PluginJar jar = read("a.jar", TestPluginJars.jar().withoutSpiVersion().bytes());

        assertEquals(Optional.empty(), jar.declaredSpiVersion());
    }

    @Test
    void givenAJarStillBeingCopied_whenRead_thenUnreadableNotAVerdict() throws Exception {
        byte[] whole = TestPluginJars.jar().entry("data.txt", "x".repeat(10_000)).bytes();

        UnreadableJarException e = assertThrows(UnreadableJarException.class,
                () -> read("half.jar", Arrays.copyOf(whole, whole.length / 2)));

        assertTrue(e.getMessage().startsWith("half.jar is not a readable jar"), e.getMessage());
    }

    @Test
    void givenBundledLibraries_whenRead_thenOnlyDirectLibJarsAreExtracted() throws Exception {
        byte[] library = TestPluginJars.jar().withoutSpiVersion().entry("lib.txt", "library").bytes();
        byte[] bytes = TestPluginJars.jar()
                .library("greeter.jar", library)
                .entry("lib/nested/other.jar", library)
                .entry("lib/notes.txt", "not a jar")
                .bytes();

        PluginJar jar = read("a.jar", bytes);

        assertEquals(1, jar.bundledLibraries().size());
        Path extracted = jar.bundledLibraries().get(0);
        assertEquals("greeter.jar", extracted.getFileName().toString());
        assertTrue(Files.exists(extracted));
        assertTrue(extracted.startsWith(temp.resolve("libs")));
    }

    @Test
    void givenAClassPathInTheManifestOrALibrarysManifest_whenRead_thenItIsReported() throws Exception {
        byte[] library = TestPluginJars.jar().withoutSpiVersion().manifest("Class-Path", "../../server/hibernate.jar")
                .bytes();
        byte[] bytes = TestPluginJars.jar().manifest("Class-Path", "other.jar").library("lib.jar", library).bytes();

        PluginJar jar = read("a.jar", bytes);

        assertEquals(List.of("a.jar: other.jar", "lib/lib.jar: ../../server/hibernate.jar"), jar.classPathDeclarations());
    }

    @Test
    void givenAJarWithoutLibraries_whenRead_thenNoLibraryDirectoryIsCreated() throws Exception {
        read("a.jar", TestPluginJars.jar().bytes());

        assertFalse(Files.exists(temp.resolve("libs")));
    }

    private PluginJar read(String fileName, byte[] bytes) throws IOException, UnreadableJarException {
        Path source = Files.write(temp.resolve(fileName), bytes);
        StagedJar staged = new JarStaging(temp.resolve("staging")).stage(source);
        return PluginJar.read(staged, temp.resolve("libs"));
    }
}
