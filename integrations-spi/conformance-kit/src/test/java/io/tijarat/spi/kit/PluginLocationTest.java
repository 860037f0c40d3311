package io.tijarat.spi.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.SpiVersion;
import io.tijarat.spi.kit.fake.FakePayProviderFactory;
import io.tijarat.spi.payment.PaymentProviderFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class PluginLocationTest {

    private static final String SERVICES = "META-INF/services/" + PaymentProviderFactory.class.getName();

    @TempDir
    Path dir;

    @Test
    void givenAPluginJar_whenRead_thenItsOwnServicesEntriesAndManifestAreFound() throws IOException {
        Path jar = jar(manifest("1.0"), "# comment\n\ncom.example.PayFactory  # trailing\n");

        PluginLocation location = PluginLocation.at(jar);

        assertEquals(List.of("com.example.PayFactory"), location.serviceEntries(PaymentProviderFactory.class));
        assertEquals(SpiVersion.parse("1.0"),
                PluginManifests.declaredSpiVersion(location.manifest().orElseThrow(), location.toString()));
    }

    @Test
    void givenAClassesDirectoryWithoutServicesOrManifest_whenRead_thenBothAreAbsent() {
        PluginLocation location = PluginLocation.at(dir);

        assertEquals(List.of(), location.serviceEntries(PaymentProviderFactory.class));
        assertTrue(location.manifest().isEmpty());
    }

    @Test
    void givenAManifestWithoutTheAttributeOrWithAMalformedOne_whenRead_thenTheFailureSaysWhatToAdd() {
        AssertionFailedError missing = assertThrows(AssertionFailedError.class,
                () -> PluginManifests.declaredSpiVersion(new Manifest(), "plugin.jar"));
        AssertionFailedError malformed = assertThrows(AssertionFailedError.class,
                () -> PluginManifests.declaredSpiVersion(manifest("1.0.2"), "plugin.jar"));

        assertTrue(missing.getMessage().contains("Tijarat-SPI-Version: " + SpiVersion.CURRENT), missing.getMessage());
        assertTrue(malformed.getMessage().contains("major.minor"), malformed.getMessage());
    }

    @Test
    void givenThisKitsFakePlugins_whenTheirClassesDirectoryIsRead_thenTheFilteredManifestDeclaresTheCurrentSpi() {
        PluginLocation location = PluginLocation.of(FakePayProviderFactory.class);

        assertEquals(SpiVersion.CURRENT,
                PluginManifests.declaredSpiVersion(location.manifest().orElseThrow(), location.toString()));
    }

    private static Manifest manifest(String spiVersion) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue(SpiVersion.MANIFEST_ATTRIBUTE, spiVersion);
        return manifest;
    }

    private Path jar(Manifest manifest, String services) throws IOException {
        Path jar = dir.resolve("plugin.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(SERVICES));
            out.write(services.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
