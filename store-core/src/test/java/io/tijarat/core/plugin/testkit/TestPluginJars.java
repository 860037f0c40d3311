package io.tijarat.core.plugin.testkit;

import io.tijarat.spi.ProviderFactory;
import io.tijarat.spi.SpiVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars for tests: compiles Java sources against the SPI with the JDK's compiler,
 * adds {@code META-INF/services} files, a manifest (with {@code Tijarat-SPI-Version: 1.0} unless told
 * otherwise), resources and bundled libraries, and writes the jar.
 *
 * <p>Compiled classes are cached by source text (compiling is the slow part); entries get a fixed
 * timestamp, so equal inputs give byte-identical jars.
 */
public final class TestPluginJars {

    private static final long FIXED_TIME = 1_700_000_000_000L;
    private static final Map<String, Map<String, byte[]>> COMPILED = new ConcurrentHashMap<>();

    private TestPluginJars() {
    }

    public static Builder jar() {
        return new Builder();
    }

    /** The SPI classes, as the test class path has them (a directory or a jar). */
    public static Path spiClassPath() {
        try {
            return Path.of(ProviderFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects a jar's parts. Not thread-safe. */
    public static final class Builder {
        private final Map<String, String> sources = new TreeMap<>();
        private final Map<String, List<String>> services = new LinkedHashMap<>();
        private final Map<String, String> manifest = new LinkedHashMap<>();
        private final Map<String, byte[]> entries = new LinkedHashMap<>();
        private final Set<String> omitted = new LinkedHashSet<>();
        private boolean againstSpi = true;

        private Builder() {
            manifest.put(SpiVersion.MANIFEST_ATTRIBUTE, "1.0");
        }

        /** A class to compile, by its fully qualified name. */
        public Builder source(String className, String code) {
            sources.put(className, code);
            return this;
        }

        public Builder service(Class<?> service, String... classNames) {
            return service(service.getName(), classNames);
        }

        public Builder service(String service, String... classNames) {
            services.computeIfAbsent(service, key -> new ArrayList<>()).addAll(List.of(classNames));
            return this;
        }

        public Builder spiVersion(String version) {
            return manifest(SpiVersion.MANIFEST_ATTRIBUTE, version);
        }

        public Builder withoutSpiVersion() {
            manifest.remove(SpiVersion.MANIFEST_ATTRIBUTE);
            return this;
        }

        public Builder manifest(String attribute, String value) {
            manifest.put(attribute, value);
            return this;
        }

        public Builder entry(String path, byte[] content) {
            entries.put(path, content);
            return this;
        }

        public Builder entry(String path, String text) {
            return entry(path, text.getBytes(StandardCharsets.UTF_8));
        }

        /** A library jar bundled as {@code lib/<name>}. */
        public Builder library(String name, byte[] jar) {
            return entry("lib/" + name, jar);
        }

        /** Compiles the class but leaves it out of the jar: a class the plugin needs is missing. */
        public Builder omitClass(String className) {
            omitted.add(className);
            return this;
        }

        /** Compile without the SPI on the class path (for a fake copy of an SPI class). */
        public Builder withoutSpi() {
            againstSpi = false;
            return this;
        }

        public byte[] bytes() {
            Map<String, byte[]> classes = sources.isEmpty() ? Map.of() : compile(sources, againstSpi);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            Manifest mf = new Manifest();
            mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.forEach((name, value) -> mf.getMainAttributes().putValue(name, value));
            try (JarOutputStream out = new JarOutputStream(buffer, mf)) {
                for (Map.Entry<String, byte[]> compiled : classes.entrySet()) {
                    String className = compiled.getKey().replace('/', '.').replaceAll("\\.class$", "");
                    if (!omitted.contains(className)) {
                        put(out, compiled.getKey(), compiled.getValue());
                    }
                }
                for (Map.Entry<String, List<String>> service : services.entrySet()) {
                    put(out, "META-INF/services/" + service.getKey(),
                            (String.join("\n", service.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                }
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    put(out, entry.getKey(), entry.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buffer.toByteArray();
        }

        /**
         * Writes the jar into {@code directory} the way a careful operator would: to a hidden temporary
         * file, then renamed into place, so a scan never sees half of it.
         */
        public Path writeTo(Path directory, String fileName) {
            return write(directory.resolve(fileName), bytes());
        }
    }

    /** Writes bytes to a hidden temporary file next to {@code target}, then renames it over the target. */
    public static Path write(Path target, byte[] bytes) {
        try {
            Path temporary = target.resolveSibling("." + target.getFileName() + ".part");
            Files.write(temporary, bytes);
            return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(FIXED_TIME);
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    private static Map<String, byte[]> compile(Map<String, String> sources, boolean againstSpi) {
        String key = againstSpi + "\n" + sources;
        return COMPILED.computeIfAbsent(key, ignored -> doCompile(sources, againstSpi));
    }

    private static Map<String, byte[]> doCompile(Map<String, String> sources, boolean againstSpi) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("these tests need a JDK (javax.tools compiler), not a JRE");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("plugin-fixture-");
            Path src = Files.createDirectories(work.resolve("src"));
            Path out = Files.createDirectories(work.resolve("out"));
            List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn", "-d", out.toString()));
            if (againstSpi) {
                args.addAll(List.of("-classpath", spiClassPath().toString()));
            }
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                args.add(file.toString());
            }
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            int status = compiler.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
            if (status != 0) {
                throw new AssertionError("fixture sources did not compile: " + sources.keySet() + "\n"
                        + diagnostics.toString(StandardCharsets.UTF_8));
            }
            Map<String, byte[]> classes = new TreeMap<>();
            try (Stream<Path> files = Files.walk(out)) {
                for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                    classes.put(out.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is harmless.
        }
    }
}
