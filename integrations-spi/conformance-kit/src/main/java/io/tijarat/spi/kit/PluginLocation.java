package io.tijarat.spi.kit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Where a plugin's classes come from — its jar, or in a Maven build before packaging its
 * {@code target/classes} directory — and what is in that one place only: its
 * {@code META-INF/services} entries and its manifest. Looking only there is the point: a services file
 * or manifest elsewhere on the test class path says nothing about the plugin's own jar.
 */
final class PluginLocation {

    static final String MANIFEST = "META-INF/MANIFEST.MF";

    private final Path path;

    private PluginLocation(Path path) {
        this.path = path;
    }

    /** The jar or directory {@code pluginClass} was loaded from. */
    static PluginLocation of(Class<?> pluginClass) {
        CodeSource source = pluginClass.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException(pluginClass.getName() + " has no code source: is it a JDK class?");
        }
        try {
            return new PluginLocation(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the location of " + pluginClass.getName(), e);
        }
    }

    /** A jar or classes directory at {@code path}. */
    static PluginLocation at(Path path) {
        return new PluginLocation(path);
    }

    Path path() {
        return path;
    }

    /**
     * The class names listed in {@code META-INF/services/<serviceType>} at this location, without
     * comments and blank lines; empty if there is no such file.
     */
    List<String> serviceEntries(Class<?> serviceType) {
        return read("META-INF/services/" + serviceType.getName()).map(PluginLocation::serviceLines).orElse(List.of());
    }

    /** The manifest at this location, if there is one. */
    Optional<Manifest> manifest() {
        return readBytes(MANIFEST).map(bytes -> {
            try {
                return new Manifest(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable " + MANIFEST + " in " + path, e);
            }
        });
    }

    /**
     * A class loader like the plugin host's: this location and the plugin's bundled libraries, over a
     * parent that exposes only the JDK and the SPI. The caller closes it.
     */
    URLClassLoader isolatedLoader(List<URL> bundledLibraries, ClassLoader spiLoader) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(path.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("cannot turn " + path + " into a URL", e);
        }
        urls.addAll(bundledLibraries);
        return new URLClassLoader("isolated-plugin", urls.toArray(URL[]::new), new SpiOnlyClassLoader(spiLoader));
    }

    private Optional<String> read(String entry) {
        return readBytes(entry).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private Optional<byte[]> readBytes(String entry) {
        try {
            if (Files.isDirectory(path)) {
                Path file = path.resolve(entry);
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }
            try (JarFile jar = new JarFile(path.toFile())) {
                ZipEntry found = jar.getEntry(entry);
                if (found == null) {
                    return Optional.empty();
                }
                try (InputStream in = jar.getInputStream(found)) {
                    return Optional.of(in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry + " from " + path, e);
        }
    }

    private static List<String> serviceLines(String text) {
        List<String> names = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int comment = line.indexOf('#');
            String name = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
