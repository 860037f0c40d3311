package io.tijarat.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.core.plugin.testkit.FixturePlugin;
import io.tijarat.core.plugin.testkit.RegistryHarness;
import io.tijarat.spi.payment.PaymentProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseConcurrencyTest {

    @TempDir
    Path temp;

    private RegistryHarness host;

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void givenCallsOnManyThreads_whenTheJarIsReplacedRepeatedly_thenEveryCallCompletesOnAnOpenLoaderAndAllOldOnesClose()
            throws Exception {
        host = RegistryHarness.in(temp);
        List<byte[]> versions = List.of(
                FixturePlugin.payment("jazzcash").version("1.0.0").jar().bytes(),
                FixturePlugin.payment("jazzcash").version("2.0.0").jar().bytes(),
                FixturePlugin.payment("jazzcash").version("3.0.0").jar().bytes());
        io.tijarat.core.plugin.testkit.TestPluginJars.write(host.pluginDirectory().resolve("jazzcash.jar"), versions.get(0));
        host.rescan();

        int threads = 4;
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(threads);
        List<String> failures = new CopyOnWriteArrayList<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> work = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(callers.submit(() -> {
                    running.countDown();
                    while (!stop.get()) {
                        try (ProviderLease<PaymentProvider> lease = host.registry().acquire("jazzcash", ProviderType.PAYMENT)
                                .orElseThrow(() -> new AssertionError("a replacement must never leave a gap"))) {
                            // A closed loader finds no resources and loads no new classes: both must work here.
                            var commands = RegistryHarness.commands(lease.provider());
                            String open = commands.apply("resource:META-INF/MANIFEST.MF");
                            String lazy = commands.apply("lazy");
                            if (!open.equals("true") || !lazy.startsWith("lazy ")) {
                                failures.add(open + " / " + lazy);
                            }
                            seen.add(lazy);
                        } catch (RuntimeException | AssertionError e) {
                            failures.add(e.toString());
                        }
                    }
                }));
            }
            assertTrue(running.await(10, TimeUnit.SECONDS));
            for (int round = 1; round <= 9; round++) {
                int version = round % versions.size();
                seen.clear();
                io.tijarat.core.plugin.testkit.TestPluginJars.write(host.pluginDirectory().resolve("jazzcash.jar"),
                        versions.get(version));
                host.rescan();
                // Let the callers reach the new version before replacing it again, so the versions overlap.
                Eventually.await(Duration.ofSeconds(20), "a call ran on version " + (version + 1),
                        () -> seen.contains("lazy " + (version + 1) + ".0.0"));
            }
            stop.set(true);
            for (Future<?> future : work) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            callers.shutdownNow();
        }

        assertEquals(List.of(), failures);
        assertEquals(List.of(), host.registry().draining(), "every replaced version closed after its last lease");
        assertEquals(1, host.stagedFiles(), "only the current version's copy is left");
    }
}
