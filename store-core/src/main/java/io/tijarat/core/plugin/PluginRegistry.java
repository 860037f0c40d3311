package io.tijarat.core.plugin;

import io.tijarat.core.plugin.jar.JarStaging;
import io.tijarat.spi.ProviderDescriptor;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plugin host: what is in the plugin directory, in which state, and the working providers.
 *
 * <h2>Scanning</h2>
 * {@link #rescan()} brings the registry in line with the directory (only {@code *.jar} files, not
 * hidden ones), the allow-list and the configuration; the {@link PluginDirectoryWatcher} calls it on
 * changes, tests call it directly. Each jar is copied to the staging directory, hashed, checked against
 * the allow-list, its manifest's {@code Tijarat-SPI-Version} checked, and only then given its own
 * {@link io.tijarat.core.plugin.classloading.PluginClassLoader}; its factories of all three kinds are
 * found with {@link java.util.ServiceLoader}. A jar or factory that fails any step gets an entry saying
 * why (see {@link PluginState}) and the others keep serving. A file that cannot be read as a jar yet
 * (still being copied) is tried again on every scan; while it is, a previously loaded copy of the same
 * file keeps serving.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Provider ids are unique across kinds (they are configuration namespaces). When two jars provide
 *       one id, the jar whose file name sorts first serves it and the other is refused, naming both.
 *       The rule depends only on the directory, so a restart gives the same result as a live scan.</li>
 *   <li>The directory is the truth: a replaced jar's new version replaces the old one even if it then
 *       fails; a removed jar is unloaded.</li>
 *   <li>One provider per (factory, configuration): created when first needed, again only when the
 *       provider's configuration changed at a scan; required properties are checked before
 *       {@code create} is called. A disabled provider is not created or handed out.</li>
 * </ul>
 *
 * <h2>Leases and draining</h2>
 * {@link #acquire} hands out a {@link ProviderLease}. A replaced, removed or refused jar is retired: new
 * leases go to what replaced it, open leases finish on it, and its factories and class loader are
 * closed when its last lease is closed ({@link #draining()} lists those still waiting).
 *
 * <h2>Threading</h2>
 * Scans, enable/disable and close are serialized by one lock; {@link #acquire}, {@link #entries} and
 * {@link #activeDescriptors} read an immutable snapshot published after each change, and never wait
 * for a scan.
 */
public final class PluginRegistry implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());
    private static final Comparator<PluginEntry> ENTRY_ORDER = Comparator.comparing(PluginEntry::jarFileName)
            .thenComparing(entry -> entry.kind().map(Enum::ordinal).orElse(-1))
            .thenComparing(entry -> entry.providerId().orElse(""));

    private final PluginHostSettings settings;
    private final JarLoader jarLoader;
    private final Object lock = new Object();

    // Guarded by lock.
    private final TreeMap<String, JarRecord> jars = new TreeMap<>();
    private final TreeMap<String, PluginEntry> unreadable = new TreeMap<>();
    private final Set<String> disabled;
    private final Set<LoadedPlugin> retired = new LinkedHashSet<>();
    private Map<String, ProviderSlot> slots = Map.of();
    private AllowListState allowList;
    private boolean closed;

    private volatile Snapshot snapshot = Snapshot.EMPTY;

    /** Creates an empty registry; call {@link #rescan()} to load the directory. */
    public PluginRegistry(PluginHostSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.jarLoader = new JarLoader(new JarStaging(settings.stagingDirectory()), settings.spiClassLoader());
        this.disabled = new HashSet<>(settings.initiallyDisabled());
    }

    /**
     * Brings the registry in line with the plugin directory, the allow-list and the providers'
     * configuration. Safe to call at any time from any thread; concurrent calls run one after the
     * other. Does nothing once the registry is closed.
     */
    public void rescan() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            Optional<List<Path>> files = listJars();
            if (files.isEmpty()) {
                return;
            }
            AllowListState allow = AllowListState.read(settings.allowListFile());
            boolean allowListChanged = !allow.equals(allowList);
            allowList = allow;
            List<LoadedPlugin> retiring = new ArrayList<>();
            forgetRemoved(files.get(), retiring);
            for (Path file : files.get()) {
                scan(file, allowListChanged, retiring);
            }
            reconcile(retiring);
        }
    }

    /**
     * A lease on the working provider with this id and type, if there is one: loaded, not disabled,
     * created. Never blocks on a scan.
     */
    public <P> Optional<ProviderLease<P>> acquire(String providerId, ProviderType<P> type) {
        Objects.requireNonNull(type, "type");
        while (true) {
            Snapshot current = snapshot;
            ProviderSlot.Servable servable = current.servable().get(providerId);
            if (servable == null || servable.type() != type) {
                return Optional.empty();
            }
            if (servable.plugin().tryRetain()) {
                return Optional.of(new ProviderLease<>(type.providerInterface().cast(servable.provider()),
                        servable.descriptor(), servable.plugin()));
            }
            // Retired after we read the snapshot; a newer snapshot was published before the retirement.
            if (current == snapshot) {
                return Optional.empty();
            }
        }
    }

    /** Every provider and jar the host knows of, with its state and reason, by jar file name. */
    public List<PluginEntry> entries() {
        return snapshot.entries();
    }

    /** Descriptors of the providers of this type that {@link #acquire} would hand out now, by id. */
    public List<ProviderDescriptor> activeDescriptors(ProviderType<?> type) {
        return snapshot.servable().values().stream().filter(servable -> servable.type() == type)
                .map(ProviderSlot.Servable::descriptor).sorted(Comparator.comparing(ProviderDescriptor::id)).toList();
    }

    /** Stops handing out a provider (open leases finish); remembered across scans and reloads. */
    public void disable(String providerId) {
        setEnabled(providerId, false);
    }

    /** Hands out a provider again (creating it if it never was). */
    public void enable(String providerId) {
        setEnabled(providerId, true);
    }

    /** Jars replaced or removed whose calls are still in flight. */
    public List<DrainingPlugin> draining() {
        synchronized (lock) {
            retired.removeIf(LoadedPlugin::isClosed);
            return retired.stream().map(plugin -> new DrainingPlugin(plugin.jar().fileName(), plugin.jar().sha256(),
                    plugin.leases())).toList();
        }
    }

    /**
     * Stops handing out providers and retires every plugin: each closes when its last lease does.
     * Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            snapshot = Snapshot.EMPTY;
            List<LoadedPlugin> retiring = new ArrayList<>();
            jars.values().forEach(record -> record.plugin().ifPresent(retiring::add));
            jars.clear();
            slots = Map.of();
            retire(retiring);
        }
    }

    private void setEnabled(String providerId, boolean enabled) {
        Objects.requireNonNull(providerId, "providerId");
        synchronized (lock) {
            boolean changed = enabled ? disabled.remove(providerId) : disabled.add(providerId);
            if (changed && !closed) {
                LOG.info(() -> "provider " + providerId + (enabled ? " enabled" : " disabled") + " by the operator");
                reconcile(List.of());
            }
        }
    }

    /** The jars in the directory, by name; empty if the directory cannot be listed (then nothing changes). */
    private Optional<List<Path>> listJars() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(settings.pluginDirectory(), "*.jar")) {
            for (Path file : stream) {
                if (!file.getFileName().toString().startsWith(".") && Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            // A hiccup (an unmounted share) must not unload every plugin: keep what is loaded.
            LOG.log(Level.WARNING, "cannot list the plugin directory " + settings.pluginDirectory()
                    + "; keeping the plugins loaded now", e);
            return Optional.empty();
        }
        files.sort(Comparator.comparing(file -> file.getFileName().toString()));
        return Optional.of(files);
    }

    private void forgetRemoved(List<Path> files, List<LoadedPlugin> retiring) {
        Set<String> present = new HashSet<>();
        files.forEach(file -> present.add(file.getFileName().toString()));
        for (Iterator<Map.Entry<String, JarRecord>> it = jars.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, JarRecord> record = it.next();
            if (!present.contains(record.getKey())) {
                it.remove();
                record.getValue().plugin().ifPresent(retiring::add);
                LOG.info(() -> "plugin " + record.getKey() + " was removed from the plugin directory");
            }
        }
        unreadable.keySet().retainAll(present);
    }

    private void scan(Path file, boolean allowListChanged, List<LoadedPlugin> retiring) {
        String name = file.getFileName().toString();
        FileStamp stamp;
        try {
            stamp = FileStamp.of(file);
        } catch (IOException vanishedMeanwhile) {
            return;
        }
        JarRecord current = jars.get(name);
        if (current != null && current.stamp().equals(stamp) && !allowListChanged) {
            return;
        }
        Optional<LoadedPlugin> loaded = current == null ? Optional.empty() : current.plugin();
        JarLoader.Outcome outcome = jarLoader.load(file, loaded.map(plugin -> plugin.jar().sha256()), allowList);
        if (outcome instanceof JarLoader.Unreadable unreadableJar) {
            // Keep a loaded copy serving (and its old stamp, so the file is read again next time).
            unreadable.put(name, loaded.isPresent() ? stillServing(unreadableJar.entry(), loaded.get())
                    : unreadableJar.entry());
            if (loaded.isEmpty()) {
                jars.remove(name);
            }
            return;
        }
        unreadable.remove(name);
        if (outcome instanceof JarLoader.Unchanged) {
            jars.put(name, new JarRecord(stamp, loaded, List.of()));
            return;
        }
        loaded.ifPresent(retiring::add);
        if (outcome instanceof JarLoader.Loaded newlyLoaded) {
            jars.put(name, new JarRecord(stamp, Optional.of(newlyLoaded.plugin()), List.of()));
        } else if (outcome instanceof JarLoader.Rejected rejected) {
            jars.put(name, new JarRecord(stamp, Optional.empty(), rejected.entries()));
        }
    }

    private static PluginEntry stillServing(PluginEntry entry, LoadedPlugin loaded) {
        return new PluginEntry(entry.jarFileName(), entry.sha256(), entry.declaredSpiVersion(), entry.pluginVersion(),
                entry.providerId(), entry.kind(), entry.displayName(), entry.state(),
                entry.reason().map(reason -> reason + "; the previous copy (sha256 " + loaded.jar().sha256()
                        + ") keeps serving meanwhile"));
    }

    /** Decides which factory serves each id, refreshes providers, publishes, then retires. Under lock. */
    private void reconcile(List<LoadedPlugin> retiring) {
        Map<String, ProviderSlot> newSlots = new HashMap<>();
        Map<String, ProviderSlot.Servable> servable = new HashMap<>();
        Map<String, String> claimedBy = new HashMap<>();
        List<PluginEntry> entries = new ArrayList<>(unreadable.values());
        for (JarRecord record : jars.values()) { // file-name order: the first jar wins an id
            entries.addAll(record.rejection());
            if (record.plugin().isEmpty()) {
                continue;
            }
            LoadedPlugin plugin = record.plugin().get();
            JarFacts facts = JarFacts.of(plugin.jar());
            entries.addAll(plugin.problems());
            for (DiscoveredFactory factory : plugin.factories()) {
                ProviderDescriptor descriptor = factory.descriptor();
                String winner = claimedBy.putIfAbsent(descriptor.id(), plugin.jar().fileName());
                if (winner != null) {
                    entries.add(facts.entry(descriptor, PluginState.REFUSED,
                            Optional.of(duplicate(descriptor.id(), winner, plugin.jar().fileName()))));
                    continue;
                }
                ProviderSlot slot = slots.get(descriptor.id());
                if (slot == null || slot.factory() != factory) {
                    slot = new ProviderSlot(plugin, factory);
                }
                newSlots.put(descriptor.id(), slot);
                if (disabled.contains(descriptor.id())) {
                    entries.add(facts.entry(descriptor, PluginState.DISABLED, Optional.of("disabled by the operator")));
                    continue;
                }
                Optional<String> failure = slot.refresh(settings.contexts());
                entries.add(facts.entry(descriptor, failure.isPresent() ? PluginState.FAILED : PluginState.ACTIVE,
                        failure));
                if (failure.isEmpty()) {
                    servable.put(descriptor.id(), slot.servable());
                }
            }
        }
        slots = newSlots;
        entries.sort(ENTRY_ORDER);
        Snapshot previous = snapshot;
        snapshot = new Snapshot(Map.copyOf(servable), List.copyOf(entries));
        logChanges(previous.entries(), snapshot.entries());
        // Only after publishing: a lease that fails on a retired plugin then finds the new snapshot.
        retire(retiring);
    }

    private static String duplicate(String id, String servingJar, String refusedJar) {
        return servingJar.equals(refusedJar)
                ? "provider id '" + id + "' is declared twice in " + refusedJar + "; only the first factory serves"
                : "duplicate provider id '" + id + "': " + servingJar + " and " + refusedJar + " both provide it; "
                + servingJar + " serves it (the first by file name) and " + refusedJar
                + "'s copy is refused: remove one of the two jars";
    }

    private void retire(List<LoadedPlugin> retiring) {
        for (LoadedPlugin plugin : retiring) {
            plugin.retire();
            if (!plugin.isClosed()) {
                retired.add(plugin);
                LOG.info(() -> "plugin " + plugin + " is draining: " + plugin.leases() + " call(s) in flight");
            }
        }
        retired.removeIf(LoadedPlugin::isClosed);
    }

    /** Logs each entry once, when it appears or changes, not on every scan. */
    private static void logChanges(List<PluginEntry> before, List<PluginEntry> after) {
        Set<PluginEntry> old = new HashSet<>(before);
        for (PluginEntry entry : after) {
            if (!old.contains(entry)) {
                boolean healthy = entry.state() == PluginState.ACTIVE || entry.state() == PluginState.DISABLED
                        || entry.reason().filter(r -> r.startsWith(ProviderSlot.NOT_CONFIGURED)).isPresent();
                LOG.log(healthy ? Level.INFO : Level.WARNING, () -> "plugin " + entry.summary());
            }
        }
    }

    /** What the registry knows of one file. {@code rejection} is non-empty only without a plugin. */
    private record JarRecord(FileStamp stamp, Optional<LoadedPlugin> plugin, List<PluginEntry> rejection) {
    }

    /** What readers see; replaced whole, never changed. */
    private record Snapshot(Map<String, ProviderSlot.Servable> servable, List<PluginEntry> entries) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), List.of());
    }
}
