package io.tijarat.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Payara Micro options Tijarat always boots with, shared by the launcher and the Arquillian tests.
 *
 * <p>By default Payara Micro phones home, probes the cloud-metadata address and runs Hazelcast discovery
 * on the machine's NIC addresses (STACK.md pitfall 5). These options keep every socket on 127.0.0.1:
 * a pre-boot command file pins Hazelcast and the HTTP listener to loopback, and two JVM flags switch off
 * Hazelcast's phone-home and its bind-to-any.
 */
public final class PayaraMicroOptions {

    /** JVM options for the Payara Micro process. */
    public static final List<String> JVM_OPTIONS = List.of(
            "-Dhazelcast.phone.home.enabled=false",
            "-Dhazelcast.socket.bind.any=false",
            "-Djava.net.preferIPv4Stack=true");

    private PayaraMicroOptions() {
    }

    /**
     * Writes the pre-boot command file into {@code dir} and returns its path.
     *
     * @param httpAddress  the address the HTTP listener binds to (127.0.0.1 unless the admin opens it up)
     * @param clusterGroup a Hazelcast group name unique to this instance, so a test server never joins another
     */
    public static Path writePrebootCommands(Path dir, String httpAddress, String clusterGroup) {
        String template = resource("preboot-commands.asadmin");
        String commands = template.replace("@HTTP_ADDRESS@", httpAddress).replace("@CLUSTER_GROUP@", clusterGroup);
        return write(dir.resolve("preboot-commands.asadmin"), commands);
    }

    /** Writes the plain (one line per record) logging configuration into {@code dir} and returns its path. */
    public static Path writeLoggingProperties(Path dir) {
        return writeLoggingProperties(dir, "plain");
    }

    /**
     * Writes the logging configuration into {@code dir}: {@code json} (one JSON object per line: timestamp, level,
     * logger, message, thread, and the correlation and order ids where there are some) or {@code plain}.
     */
    public static Path writeLoggingProperties(Path dir, String format) {
        return write(dir.resolve("logging.properties"), resource("json".equals(format) ? "logging-json.properties"
                : "logging.properties"));
    }

    /** Writes a {@code --systemProperties} file; values are never logged, as they may hold secrets. */
    public static Path writeSystemProperties(Path file, Map<String, String> properties) {
        var props = new Properties();
        new TreeMap<>(properties).forEach(props::setProperty);
        try {
            Files.createDirectories(file.getParent());
            try (var out = Files.newOutputStream(file)) {
                props.store(out, "Generated at start-up by Tijarat; may hold secrets, keep private");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Payara Micro command-line options (besides the deployment, the port and {@code --nocluster}, which
     * the Arquillian container adds on its own).
     */
    public static List<String> microOptions(Path prebootCommands, Path systemProperties) {
        return List.of(
                "--disablephonehome",
                "--prebootcommandfile", prebootCommands.toString(),
                "--systemProperties", systemProperties.toString());
    }

    private static String resource(String name) {
        try (InputStream in = PayaraMicroOptions.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/tijarat/server/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
