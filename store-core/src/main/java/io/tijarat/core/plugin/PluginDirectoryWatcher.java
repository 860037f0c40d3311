package io.tijarat.core.plugin;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hot drop-in: calls {@link PluginRegistry#rescan()} when the plugin directory changes, and every
 * {@code pollInterval} regardless.
 *
 * <p>Why both: a {@link WatchService} reports changes quickly where it works, but not on every file
 * system (network shares, some container mounts), and it does not see the allow-list or configuration
 * changing. A burst of events (a jar being copied produces many) is collapsed into one scan once the
 * directory has been quiet for {@code settle}; a jar still incomplete then is retried at the next scan.
 *
 * <p>One thread, from the given {@link ThreadFactory} (in the container, a managed one). Start with
 * {@link #start}; {@link #close()} stops it and waits for it, boundedly. Thread-safe.
 */
public final class PluginDirectoryWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PluginDirectoryWatcher.class.getName());
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final PluginRegistry registry;
    private final WatchService watchService;
    private final Duration pollInterval;
    private final Duration settle;
    private final Thread thread;

    private PluginDirectoryWatcher(PluginRegistry registry, Path directory, Duration pollInterval, Duration settle,
                                   ThreadFactory threadFactory) throws IOException {
        this.registry = registry;
        this.pollInterval = pollInterval;
        this.settle = settle;
        this.watchService = FileSystems.getDefault().newWatchService();
        try {
            directory.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | RuntimeException e) {
            watchService.close();
            throw e;
        }
        this.thread = threadFactory.newThread(this::run);
    }

    /**
     * Watches {@code directory} (the registry's plugin directory) and starts the watching thread. Does
     * not scan first: call {@link PluginRegistry#rescan()} at start-up yourself, so start-up errors
     * surface on the starting thread.
     *
     * @param pollInterval how often to scan without an event, e.g. 30 seconds
     * @param settle       how long the directory must be quiet after an event before scanning, e.g.
     *                     500 ms
     * @throws IOException if the directory cannot be watched
     */
    public static PluginDirectoryWatcher start(PluginRegistry registry, Path directory, Duration pollInterval,
                                               Duration settle, ThreadFactory threadFactory) throws IOException {
        Objects.requireNonNull(registry, "registry");
        positive(pollInterval, "pollInterval");
        positive(settle, "settle");
        PluginDirectoryWatcher watcher = new PluginDirectoryWatcher(registry, directory, pollInterval, settle,
                Objects.requireNonNull(threadFactory, "threadFactory"));
        watcher.thread.start();
        return watcher;
    }

    /** {@link #start} with a daemon thread named {@code tijarat-plugin-watcher}. */
    public static PluginDirectoryWatcher start(PluginRegistry registry, Path directory, Duration pollInterval,
                                               Duration settle) throws IOException {
        return start(registry, directory, pollInterval, settle, runnable -> {
            Thread thread = new Thread(runnable, "tijarat-plugin-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watchService.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (key != null) {
                    consume(key);
                    awaitQuiet();
                }
                scanSafely();
            }
        } catch (ClosedWatchServiceException stopped) {
            // close() was called.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until no event arrived for {@code settle}: a copy in progress produces many. */
    private void awaitQuiet() throws InterruptedException {
        for (WatchKey key = watchService.poll(settle.toMillis(), TimeUnit.MILLISECONDS); key != null;
             key = watchService.poll(settle.toMillis(), TimeUnit.MILLISECONDS)) {
            consume(key);
        }
    }

    private static void consume(WatchKey key) {
        key.pollEvents(); // Which file changed does not matter: a scan looks at all of them.
        if (!key.reset()) {
            LOG.warning("the plugin directory can no longer be watched (deleted or unmounted?);"
                    + " changes are picked up by the periodic scan only");
        }
    }

    private void scanSafely() {
        try {
            registry.rescan();
        } catch (RuntimeException e) {
            // The watcher must outlive one bad scan; the next event or poll tries again.
            LOG.log(Level.WARNING, "scanning the plugin directory failed", e);
        }
    }

    /** Stops watching and waits (at most 10 seconds) for a scan in progress to finish. Idempotent. */
    @Override
    public void close() {
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the plugin directory watch service", e);
        }
        // No interrupt: it would abort a scan's file copies half-way. Closing the service ends poll().
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + duration);
        }
    }
}
