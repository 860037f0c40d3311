package io.tijarat.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The README's run command: starts the database (the embedded MariaDB unless one is configured), installs
 * the bundled plugins into the plugin directory and runs Payara Micro with the Tijarat WAR in the
 * foreground. Ctrl-C stops Payara first, then the database.
 *
 * <p>Usage: {@code TijaratServer --war <ROOT.war> --payara <payara-micro.jar> [--bundled-plugins <dir>]}
 */
public final class TijaratServer {

    private static final Logger LOG = Logger.getLogger(TijaratServer.class.getName());

    private static volatile int payaraExit;

    private TijaratServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parseArgs(args);
        Path war = existing(options, "--war");
        Path payaraJar = existing(options, "--payara");
        ServerSettings settings = ServerSettings.load();
        Path home = settings.home();
        Path pluginDir = Path.of(settings.get("tijarat.plugins.dir", home.resolve("plugins").toString()));
        installBundledPlugins(options.get("--bundled-plugins"), pluginDir);

        Map<String, String> system = new LinkedHashMap<>(settings.tijaratProperties());
        system.put("tijarat.plugins.dir", pluginDir.toString());
        system.putIfAbsent("tijarat.mode", "dev");

        EmbeddedDatabase embedded = null;
        if (settings.get("tijarat.db.url").isEmpty()) {
            embedded = EmbeddedDatabase.start(home.resolve("data/mariadb"),
                    settings.getInt("tijarat.embedded-db.port", 3307), "tijarat");
            system.put("tijarat.db.url", embedded.jdbcUrl());
            system.put("tijarat.db.user", embedded.user());
            system.put("tijarat.db.password", embedded.password());
            system.putIfAbsent("tijarat.demo-catalog", "true");
        } else {
            LOG.info("Using the configured database (tijarat.db.url); no embedded MariaDB");
        }

        Path run = Files.createDirectories(home.resolve("run"));
        Path preboot = PayaraMicroOptions.writePrebootCommands(run,
                settings.get("tijarat.http.address", "127.0.0.1"), "tijarat-" + ProcessHandle.current().pid());
        Path systemProperties = PayaraMicroOptions.writeSystemProperties(run.resolve("system.properties"), system);
        Path logging = PayaraMicroOptions.writeLoggingProperties(run);

        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(PayaraMicroOptions.JVM_OPTIONS);
        command.addAll(List.of(settings.get("tijarat.server.jvm-options", "-Xmx768m").trim().split("\\s+")));
        command.add("-Djava.util.logging.config.file=" + logging);
        command.addAll(List.of("-jar", payaraJar.toString()));
        command.addAll(PayaraMicroOptions.microOptions(preboot, systemProperties));
        command.addAll(List.of("--nocluster", "--logproperties", logging.toString(),
                "--rootdir", home.resolve("runtime").toString(),
                "--port", String.valueOf(settings.getInt("tijarat.http.port", 8080)),
                "--deploy", war.toString(), "--contextroot", "/"));

        Process payara = new ProcessBuilder(command).inheritIO().start();
        EmbeddedDatabase database = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(payara, database);
            // Ctrl-C or SIGTERM is how the run command is meant to end: report success, not 130/143;
            // if Payara ended on its own, report its exit code.
            Runtime.getRuntime().halt(payaraExit);
        }, "tijarat-shutdown"));
        payaraExit = payara.waitFor();
        LOG.info("Payara Micro exited with " + payaraExit);
        System.exit(payaraExit);
    }

    /** Runs in a shutdown hook, where java.util.logging may already be closed: hence System.err. */
    private static void stop(Process payara, EmbeddedDatabase database) {
        if (payara.isAlive()) {
            System.err.println("Tijarat: stopping Payara Micro");
            payara.destroy();
            try {
                if (!payara.waitFor(60, TimeUnit.SECONDS)) {
                    payara.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                payara.destroyForcibly();
            }
        }
        if (database != null) {
            System.err.println("Tijarat: stopping the embedded MariaDB");
            database.close();
        }
        System.err.println("Tijarat: stopped");
    }

    private static void installBundledPlugins(String bundled, Path pluginDir) throws IOException {
        Files.createDirectories(pluginDir);
        if (bundled == null || !Files.isDirectory(Path.of(bundled))) {
            return;
        }
        try (var jars = Files.list(Path.of(bundled))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Path target = pluginDir.resolve(jar.getFileName());
                if (!Files.exists(target) || Files.mismatch(jar, target) != -1) {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                    LOG.info("Installed bundled plugin " + jar.getFileName() + " into " + pluginDir);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static Path existing(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalArgumentException(name + " must name an existing file, was " + value);
        }
        return Path.of(value).toAbsolutePath();
    }
}
