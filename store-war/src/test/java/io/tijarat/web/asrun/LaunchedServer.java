package io.tijarat.web.asrun;

import io.tijarat.core.plugin.testkit.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as the README's run command starts it: the launcher ({@code io.tijarat.server.TijaratServer}, which
 * {@code ./mvnw -Prun package} runs in Maven's JVM with every {@code -D} as a system property) with the packaged
 * WAR, the bundled plugin jars and the embedded MariaDB, in a JVM of its own. Its whole output goes to a log
 * file per start, which the tests read like an operator would.
 */
final class LaunchedServer implements AutoCloseable {

    /** One line of Payara's JSON log format: level and logger. */
    private static final Pattern JSON_LINE = Pattern.compile("\"Level\":\"([A-Z]+)\".*?\"LoggerName\":\"([^\"]*)\"");

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    final int port;

    private LaunchedServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the launcher. {@code systemProperties} become {@code -D} options (what {@code ./mvnw -Prun package
     * -Dkey=value} passes), {@code environment} is added to the launcher's environment.
     */
    static LaunchedServer start(Path baseDir, Path log, int port, Map<String, String> systemProperties,
                                Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-cp", System.getProperty("java.class.path")));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dtijarat.http.port=" + port);
        command.addAll(List.of("io.tijarat.server.TijaratServer",
                "--war", System.getProperty("tijarat.it.war"),
                "--payara", System.getProperty("payara.microJar"),
                "--bundled-plugins", System.getProperty("tijarat.it.bundledPlugins"),
                "--base-dir", baseDir.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            return new LaunchedServer(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The HTTP status of a request, or 0 when nothing answered. */
    int status(String method, String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    void awaitReady(Duration timeout) {
        Eventually.await(timeout, "the server on port " + port + " is ready", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited during start-up (exit " + process.exitValue() + "): "
                        + tail(40));
            }
            return status("GET", "/health/ready") == 200;
        });
    }

    /** Stops the server as Ctrl-C does (SIGTERM to the launcher, whose hook stops Payara and the database). */
    void stop() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        boolean stopped = process.waitFor(120, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        if (!stopped) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the launcher did not stop within 120 s of SIGTERM");
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Warnings and errors from Tijarat's own loggers ({@code io.tijarat.*}, plugins included): JSON lines of the
     * server, and the launcher's own two-line java.util.logging records.
     */
    List<String> ownWarnings() {
        List<String> found = new ArrayList<>();
        String previous = "";
        for (String line : logText().split("\n")) {
            Matcher json = JSON_LINE.matcher(line);
            if (json.find()) {
                boolean bad = json.group(1).equals("WARNING") || json.group(1).equals("SEVERE") || json.group(1).equals("ERROR");
                if (bad && json.group(2).startsWith("io.tijarat")) {
                    found.add(line.length() > 2000 ? line.substring(0, 2000) : line);
                }
            } else if ((line.startsWith("WARNING:") || line.startsWith("SEVERE:")) && previous.contains(" io.tijarat.")) {
                found.add(previous + " / " + line);
            }
            previous = line;
        }
        return found;
    }

    long count(String text) {
        return logText().lines().filter(line -> line.contains(text)).count();
    }

    String tail(int lines) {
        List<String> all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
