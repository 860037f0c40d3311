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
 * <p>Usage: {@code TijaratServer --war <ROOT.war> --payara <payara-micro.jar> [--bundled-plugins <dir>]
 * [--base-dir <dir against which a relative tijarat.home is resolved, default: the working directory>]}
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
        ServerSettings settings = ServerSettings.load(Path.of(options.getOrDefault("--base-dir", ".")).toAbsolutePath());
        Path home = settings.home();
        int httpPort = settings.getInt("tijarat.http.port", 8080, 1, 65535);
        String httpAddress = settings.get("tijarat.http.address", "127.0.0.1");
        int embeddedPort = settings.getInt("tijarat.embedded-db.port", 3307, 0, 65535);
        String mode = settings.getChoice("tijarat.mode", "dev", List.of("dev", "test", "production"));
        String logFormat = settings.getChoice("tijarat.log.format", System.console() != null ? "plain" : "json",
                List.of("plain", "json"));
        holdHomeLock(home);
        Path pluginDir = Path.of(settings.get("tijarat.plugins.dir", home.resolve("plugins").toString()));
        installBundledPlugins(options.get("--bundled-plugins"), pluginDir);

        Map<String, String> system = new LinkedHashMap<>(settings.tijaratProperties());
        system.put("tijarat.plugins.dir", pluginDir.toString());
        system.put("tijarat.mode", mode);
        // the server checks its own API answers on this address before it reports ready
        system.put("tijarat.http.port", String.valueOf(httpPort));
        system.put("tijarat.http.address", httpAddress);
        system.put("tijarat.exit-on-startup-failure", "true");

        EmbeddedDatabase embedded = null;
        if (settings.get("tijarat.db.url").isEmpty()) {
            Path dataDir = home.resolve("data/mariadb");
            TempDirGuard.keepOutOfTemp(dataDir, home.resolve("run/tmp"));
            embedded = EmbeddedDatabase.start(dataDir, embeddedPort, "tijarat");
            system.put("tijarat.db.url", embedded.jdbcUrl());
            system.put("tijarat.db.user", embedded.user());
            system.put("tijarat.db.password", embedded.password());
            system.putIfAbsent("tijarat.demo-catalog", "true");
        } else {
            LOG.info("Using the configured database (tijarat.db.url); no embedded MariaDB");
        }

        Path run = Files.createDirectories(home.resolve("run"));
        Path preboot = PayaraMicroOptions.writePrebootCommands(run, httpAddress, "tijarat-" + ProcessHandle.current().pid());
        Path systemProperties = PayaraMicroOptions.writeSystemProperties(run.resolve("system.properties"), system);
        Path logging = PayaraMicroOptions.writeLoggingProperties(run, logFormat);
        // Payara Micro keeps the applications it deployed in its root directory and deploys them again at the
        // next start, before --deploy deploys the WAR once more: two deployments, plugins loaded twice, readiness
        // flapping. The runtime directory holds nothing of the shop's: start it empty every time.
        Path runtime = home.resolve("runtime");
        deleteTree(runtime);

        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(PayaraMicroOptions.JVM_OPTIONS);
        command.addAll(List.of(settings.get("tijarat.server.jvm-options", "-Xmx768m").trim().split("\\s+")));
        command.add("-Djava.util.logging.config.file=" + logging);
        command.addAll(List.of("-jar", payaraJar.toString()));
        command.addAll(PayaraMicroOptions.microOptions(preboot, systemProperties));
        command.addAll(List.of("--nocluster", "--logproperties", logging.toString(),
                "--rootdir", runtime.toString(),
                "--port", String.valueOf(httpPort),
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

    /** Held until the JVM exits; released by the operating system even after a kill -9. */
    private static java.nio.channels.FileLock homeLock;

    /** One server per home: a second one would fight the first over its database files and runtime directory. */
    private static void holdHomeLock(Path home) throws IOException {
        Path lockFile = Files.createDirectories(home.resolve("run")).resolve("server.lock");
        var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        homeLock = channel.tryLock();
        if (homeLock == null) {
            channel.close();
            throw new IllegalStateException("Another Tijarat server is running on the home " + home
                    + ": stop it first, or give this one its own tijarat.home");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
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
