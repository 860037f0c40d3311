package io.tijarat.core.plugin.classloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.TestPluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExposedPackagesTest {

    @Test
    void givenTheSpiJar_whenItsPackagesAreListed_thenEachIsEitherExposedOrDeliberatelyHidden() throws IOException {
        Set<String> spiPackages = packagesOf(TestPluginJars.spiClassPath());
        Set<String> decided = new TreeSet<>(ExposedPackages.SPI_PACKAGES);
        decided.addAll(ExposedPackages.HIDDEN_SPI_PACKAGES);

        // A new SPI package fails here until someone decides whether plugins may see it.
        assertEquals(decided, spiPackages);
    }

    @Test
    void givenClassNames_whenChecked_thenOnlyTheListedSpiPackagesAreShared() {
        assertTrue(ExposedPackages.isSpiClass("io.tijarat.spi.Money"));
        assertTrue(ExposedPackages.isSpiClass("io.tijarat.spi.payment.PaymentOutcome$Declined"));
        assertFalse(ExposedPackages.isSpiClass("io.tijarat.spi.internal.Checks"));
        assertFalse(ExposedPackages.isSpiClass("io.tijarat.spiffy.Thing"));
        assertFalse(ExposedPackages.isSpiClass("io.tijarat.spi.payment.sub.Thing"));
        assertFalse(ExposedPackages.isSpiClass("io.tijarat.core.plugin.PluginRegistry"));
        assertFalse(ExposedPackages.isSpiClass("Money"));
    }

    @Test
    void givenResourcePaths_whenChecked_thenOnlySpiPackageResourcesAreShared() {
        assertTrue(ExposedPackages.isSpiResource("io/tijarat/spi/spi-version.properties"));
        assertTrue(ExposedPackages.isSpiResource("/io/tijarat/spi/payment/PaymentProvider.class"));
        assertFalse(ExposedPackages.isSpiResource("META-INF/services/io.tijarat.spi.payment.PaymentProviderFactory"));
        assertFalse(ExposedPackages.isSpiResource("META-INF/MANIFEST.MF"));
        assertFalse(ExposedPackages.isSpiResource("io/tijarat/spi/internal/Checks.class"));
        assertFalse(ExposedPackages.isSpiResource("logging.properties"));
    }

    private static Set<String> packagesOf(Path spi) throws IOException {
        Set<String> packages = new TreeSet<>();
        if (Files.isDirectory(spi)) {
            try (Stream<Path> files = Files.walk(spi)) {
                files.filter(file -> file.toString().endsWith(".class"))
                        .forEach(file -> packages.add(spi.relativize(file.getParent()).toString().replace('/', '.')));
            }
        } else {
            try (JarFile jar = new JarFile(spi.toFile())) {
                jar.stream().map(entry -> entry.getName()).filter(name -> name.endsWith(".class"))
                        .filter(name -> !name.startsWith("META-INF/"))
                        .forEach(name -> packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.')));
            }
        }
        packages.remove("");
        return packages;
    }
}
