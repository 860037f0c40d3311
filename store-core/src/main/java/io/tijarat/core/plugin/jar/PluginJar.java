package io.tijarat.core.plugin.jar;

import io.tijarat.spi.SpiVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a plugin jar declares, read without running any of its code.
 *
 * @param staged                the private copy and its SHA-256
 * @param declaredSpiVersion    the manifest's {@value SpiVersion#MANIFEST_ATTRIBUTE}, as written
 * @param implementationVersion the manifest's {@code Implementation-Version}
 * @param services              each {@code META-INF/services/<interface>} file: interface name to the
 *                              class names it lists, in file order
 * @param bundledLibraries      the {@code lib/*.jar} entries, extracted next to the staged copy
 * @param classPathDeclarations {@code Class-Path} manifest entries of the jar or a bundled library; a
 *                              class loader would follow them to files outside the plugin, so the host
 *                              refuses such a jar
 */
public record PluginJar(StagedJar staged, Optional<String> declaredSpiVersion, Optional<String> implementationVersion,
                        Map<String, List<String>> services, List<Path> bundledLibraries,
                        List<String> classPathDeclarations) {

    private static final String SERVICES = "META-INF/services/";
    private static final String LIB = "lib/";

    public PluginJar {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        bundledLibraries = List.copyOf(bundledLibraries);
        classPathDeclarations = List.copyOf(classPathDeclarations);
    }

    public String fileName() {
        return staged.fileName();
    }

    public String sha256() {
        return staged.sha256();
    }

    /**
     * Reads a staged jar, extracting its bundled libraries into {@code libraryDirectory} (created only
     * if there are any).
     *
     * @throws UnreadableJarException if the file is not a complete zip archive
     */
    public static PluginJar read(StagedJar staged, Path libraryDirectory) throws UnreadableJarException {
        try (JarFile jar = new JarFile(staged.copy().toFile(), false)) {
            Manifest manifest = jar.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            Map<String, List<String>> services = new LinkedHashMap<>();
            List<Path> libraries = new ArrayList<>();
            List<String> classPaths = new ArrayList<>();
            attribute(main, Attributes.Name.CLASS_PATH.toString())
                    .ifPresent(value -> classPaths.add(staged.fileName() + ": " + value));
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (isDirectChild(name, SERVICES) && !entry.isDirectory()) {
                    services.put(name.substring(SERVICES.length()), serviceClassNames(jar, entry));
                } else if (isDirectChild(name, LIB) && name.endsWith(".jar") && !entry.isDirectory()) {
                    Path library = extract(jar, entry, libraryDirectory);
                    libraries.add(library);
                    libraryClassPath(library).ifPresent(value -> classPaths.add(name + ": " + value));
                }
            }
            return new PluginJar(staged, attribute(main, SpiVersion.MANIFEST_ATTRIBUTE),
                    attribute(main, Attributes.Name.IMPLEMENTATION_VERSION.toString()), services, libraries, classPaths);
        } catch (IOException e) {
            throw new UnreadableJarException(staged.fileName(), e);
        }
    }

    /** Only {@code dir/name}, never {@code dir/sub/name}: also keeps extraction inside its directory. */
    private static boolean isDirectChild(String entryName, String directory) {
        return entryName.startsWith(directory) && entryName.length() > directory.length()
                && entryName.indexOf('/', directory.length()) < 0 && !entryName.contains("\\")
                && !entryName.substring(directory.length()).startsWith(".");
    }

    private static Optional<String> attribute(Attributes attributes, String name) {
        return Optional.ofNullable(attributes.getValue(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static List<String> serviceClassNames(JarFile jar, JarEntry entry) throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(jar.getInputStream(entry), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static Path extract(JarFile jar, JarEntry entry, Path libraryDirectory) throws IOException {
        Files.createDirectories(libraryDirectory);
        Path target = libraryDirectory.resolve(entry.getName().substring(LIB.length()));
        try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, target);
        }
        return target;
    }

    private static Optional<String> libraryClassPath(Path library) throws IOException {
        try (JarFile jar = new JarFile(library.toFile(), false)) {
            Manifest manifest = jar.getManifest();
            return manifest == null ? Optional.empty()
                    : attribute(manifest.getMainAttributes(), Attributes.Name.CLASS_PATH.toString());
        }
    }
}
