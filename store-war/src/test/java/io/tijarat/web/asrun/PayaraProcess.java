package io.tijarat.web.asrun;

import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.server.PayaraMicroOptions;
import io.tijarat.server.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro with the real WAR, started and killed by the test itself — for crash tests, where
 * Arquillian's container cannot be restarted mid-test. Same loopback-only options as everywhere else.
 */
final class PayaraProcess implements AutoCloseable {

    private final Process process;
    final int port;

    private PayaraProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PayaraProcess start(Path workdir, Map<String, String> systemProperties) {
        int port = Ports.free();
        Path preboot = PayaraMicroOptions.writePrebootCommands(workdir, "127.0.0.1", "tijarat-crash-" + port);
        Path props = PayaraMicroOptions.writeSystemProperties(workdir.resolve("system-" + port + ".properties"), systemProperties);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(PayaraMicroOptions.JVM_OPTIONS);
        command.add("-Xmx512m");
        command.addAll(List.of("-jar", System.getProperty("payara.microJar")));
        command.addAll(PayaraMicroOptions.microOptions(preboot, props));
        command.addAll(List.of("--nocluster", "--port", String.valueOf(port), "--rootdir",
                workdir.resolve("runtime-" + port).toString(), "--deploy", System.getProperty("tijarat.it.war"),
                "--contextroot", "/"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(workdir.resolve("payara-" + port + ".log").toFile()).start();
            var payara = new PayaraProcess(process, port);
            Eventually.await(Duration.ofSeconds(240), "Payara Micro on port " + port + " is ready", payara::ready);
            return payara;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the process has died (e.g. at a fault point). */
    void awaitDeath() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the server should have died at its fault point");
        }
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new AssertionError("Payara Micro exited during start-up (exit " + process.exitValue() + ")");
        }
        try {
            // Readiness first; then the application itself, because Payara can report ready a moment before
            // its web module maps requests (seen: an NPE in WebDirContext on the first request, answered 500).
            return get("/health/ready") == 200 && get("/api/products?size=1") == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Kills the server as a power cut would: SIGKILL, no shutdown hooks, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
