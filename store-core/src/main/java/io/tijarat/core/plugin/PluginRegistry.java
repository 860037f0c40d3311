package io.tijarat.core.plugin;

import io.tijarat.core.plugin.context.Redactor;
import io.tijarat.core.plugin.jar.JarStaging;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderFactory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
 *   <li>Provider ids are unique across kinds (they are configuration namespaces). When several jars
 *       provide one id, the newest plugin version serves ({@link PluginVersion}: upgrades with versioned
 *       file names, {@code acme-1.0.1.jar} beside {@code acme-1.0.0.jar}); among equal or incomparable
 *       versions the jar whose file name sorts first. If the chosen one's {@code create} fails, the next
 *       one that works serves meanwhile. The others are refused, naming the jar that serves. The rule
 *       depends only on the directory, so a restart gives the same result as a live scan.</li>
 *   <li>A jar's file is replaced: new bytes that load replace the old version (calls in flight finish on
 *       it); new bytes that are refused or broken (not in the allow-list, another SPI major, no usable
 *       factory, not a readable jar) leave the loaded copy serving while it is still allowed, with the
 *       refusal in the report. A removed jar is unloaded.</li>
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
    private Map<ProviderFactory<?>, ProviderSlot> slots = Map.of();
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

    /**
     * The redaction of text and exceptions that come from plugins: the secret values of every provider the host
     * has read configuration for, phone and CNIC numbers. The same as each plugin's own logger applies; the core
     * passes every plugin exception it logs or stores through it. Never blocks on a scan.
     */
    public Redactor redactor() {
        return snapshot.redactor();
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
        if (outcome instanceof JarLoader.Rejected rejected && loaded.isPresent()
                && keepsServing(loaded.get(), rejected)) {
            // An unlisted or broken copy over a trusted one: the trusted version keeps serving, and the
            // report says why the new bytes were not taken. Read again when the file or the list changes.
            jars.put(name, new JarRecord(stamp, loaded, rejected.entries().stream()
                    .map(entry -> stillServing(entry, loaded.get())).toList()));
            return;
        }
        loaded.ifPresent(retiring::add);
        if (outcome instanceof JarLoader.Loaded newlyLoaded) {
            jars.put(name, new JarRecord(stamp, Optional.of(newlyLoaded.plugin()), List.of()));
        } else if (outcome instanceof JarLoader.Rejected rejected) {
            jars.put(name, new JarRecord(stamp, Optional.empty(), rejected.entries()));
        }
    }

    /**
     * Whether the copy loaded now stays when new bytes of its file are refused: only if they are other bytes
     * (the same bytes refused means the operator withdrew them from the allow-list) and the loaded copy is still
     * allowed.
     */
    private boolean keepsServing(LoadedPlugin loaded, JarLoader.Rejected rejected) {
        String loadedSha256 = loaded.jar().sha256();
        boolean otherBytes = rejected.entries().stream().allMatch(entry -> entry.sha256().isPresent()
                && !entry.sha256().get().equals(loadedSha256));
        return otherBytes && allowList.refusal(loaded.jar().fileName(), loadedSha256).isEmpty();
    }

    private static PluginEntry stillServing(PluginEntry entry, LoadedPlugin loaded) {
        return new PluginEntry(entry.jarFileName(), entry.sha256(), entry.declaredSpiVersion(), entry.pluginVersion(),
                entry.providerId(), entry.kind(), entry.displayName(), entry.state(),
                entry.reason().map(reason -> reason + "; the previous copy (sha256 " + loaded.jar().sha256()
                        + loaded.factories().stream().findFirst().map(f -> ", version " + f.descriptor().pluginVersion())
                        .orElse("") + ") keeps serving meanwhile"));
    }

    /** Decides which factory serves each id, refreshes providers, publishes, then retires. Under lock. */
    private void reconcile(List<LoadedPlugin> retiring) {
        Map<ProviderFactory<?>, ProviderSlot> newSlots = new IdentityHashMap<>();
        Map<String, ProviderSlot.Servable> servable = new HashMap<>();
        List<PluginEntry> entries = new ArrayList<>(unreadable.values());
        Map<String, List<Candidate>> candidates = new TreeMap<>();
        for (JarRecord record : jars.values()) { // file-name order
            entries.addAll(record.rejection());
            if (record.plugin().isEmpty()) {
                continue;
            }
            LoadedPlugin plugin = record.plugin().get();
            JarFacts facts = JarFacts.of(plugin.jar());
            entries.addAll(plugin.problems());
            for (DiscoveredFactory factory : plugin.factories()) {
                candidates.computeIfAbsent(factory.descriptor().id(), id -> new ArrayList<>())
                        .add(new Candidate(plugin, factory, facts));
            }
        }
        candidates.forEach((id, forId) -> decide(id, forId, newSlots, servable, entries));
        slots = newSlots;
        entries.sort(ENTRY_ORDER);
        Redactor redactor = Redactor.PERSONAL_DATA;
        for (ProviderSlot slot : newSlots.values()) {
            redactor = redactor.and(slot.redactor());
        }
        Snapshot previous = snapshot;
        snapshot = new Snapshot(Map.copyOf(servable), List.copyOf(entries), redactor);
        logChanges(previous.entries(), snapshot.entries());
        // Only after publishing: a lease that fails on a retired plugin then finds the new snapshot.
        retire(retiring);
    }

    /**
     * Which of the factories that provide one id serves it. The newest plugin version serves (versioned file
     * names: {@code acme-1.0.1.jar} beside {@code acme-1.0.0.jar}); among equal or incomparable versions the jar
     * whose file name sorts first. If the chosen one cannot be created (its {@code create} fails), the next one
     * that can serves meanwhile. The others are refused, naming the jar that serves.
     */
    private void decide(String id, List<Candidate> inFileOrder, Map<ProviderFactory<?>, ProviderSlot> newSlots,
                        Map<String, ProviderSlot.Servable> servable, List<PluginEntry> entries) {
        List<Candidate> ranked = new ArrayList<>();
        Set<LoadedPlugin> seenJars = new HashSet<>();
        for (Candidate candidate : inFileOrder) {
            if (seenJars.add(candidate.plugin())) {
                ranked.add(candidate);
            } else {
                entries.add(candidate.entry(PluginState.REFUSED, Optional.of("provider id '" + id + "' is declared twice in "
                        + candidate.jarFileName() + "; only the first factory serves")));
            }
        }
        ranked = rank(ranked);
        if (disabled.contains(id)) {
            Candidate chosen = ranked.get(0);
            newSlots.put(chosen.factory().factory(), slotFor(chosen));
            entries.add(chosen.entry(PluginState.DISABLED, Optional.of("disabled by the operator")));
            ranked.stream().skip(1).forEach(other -> entries.add(other.entry(PluginState.REFUSED,
                    Optional.of(notServing(id, chosen, other)))));
            return;
        }
        Candidate serving = null;
        List<Candidate> failed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Candidate candidate : ranked) {
            if (serving != null) {
                entries.add(candidate.entry(PluginState.REFUSED, Optional.of(notServing(id, serving, candidate))));
                continue;
            }
            ProviderSlot slot = slotFor(candidate);
            newSlots.put(candidate.factory().factory(), slot);
            Optional<String> failure = slot.refresh(settings.contexts());
            if (failure.isEmpty()) {
                serving = candidate;
                servable.put(id, slot.servable());
                entries.add(candidate.entry(PluginState.ACTIVE, Optional.empty()));
            } else {
                failed.add(candidate);
                failures.add(failure.get());
            }
        }
        for (int i = 0; i < failed.size(); i++) {
            String reason = failures.get(i) + (serving == null ? "" : "; " + serving.jarFileName() + " (version "
                    + serving.version() + ") serves provider '" + id + "' meanwhile");
            entries.add(failed.get(i).entry(PluginState.FAILED, Optional.of(reason)));
        }
    }

    /** Newest version first; equal or incomparable versions keep file-name order. */
    private static List<Candidate> rank(List<Candidate> inFileOrder) {
        List<Candidate> remaining = new ArrayList<>(inFileOrder);
        List<Candidate> ranked = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Candidate best = remaining.get(0);
            for (Candidate candidate : remaining) {
                if (PluginVersion.isNewer(candidate.version(), best.version())) {
                    best = candidate;
                }
            }
            remaining.remove(best);
            ranked.add(best);
        }
        return ranked;
    }

    private ProviderSlot slotFor(Candidate candidate) {
        ProviderSlot slot = slots.get(candidate.factory().factory());
        return slot != null ? slot : new ProviderSlot(candidate.plugin(), candidate.factory());
    }

    private static String notServing(String id, Candidate serving, Candidate other) {
        if (PluginVersion.isNewer(serving.version(), other.version())) {
            return "superseded: " + serving.jarFileName() + " provides '" + id + "' in the newer version "
                    + serving.version() + " (this jar: " + other.version() + "), and serves it; calls that started"
                    + " on this jar finish on it. Remove " + other.jarFileName() + " once the new version works";
        }
        return duplicate(id, serving.jarFileName(), other.jarFileName());
    }

    private static String duplicate(String id, String servingJar, String refusedJar) {
        return "duplicate provider id '" + id + "': " + servingJar + " and " + refusedJar + " both provide it"
                + " without a newer version to tell them apart; " + servingJar + " serves it (the first by file name)"
                + " and " + refusedJar + "'s copy is refused: remove one of the two jars";
    }

    /** One factory that offers an id, with the jar it came from. */
    private record Candidate(LoadedPlugin plugin, DiscoveredFactory factory, JarFacts facts) {
        String version() {
            return factory.descriptor().pluginVersion();
        }

        String jarFileName() {
            return plugin.jar().fileName();
        }

        PluginEntry entry(PluginState state, Optional<String> reason) {
            return facts.entry(factory.descriptor(), state, reason);
        }
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

    /**
     * What the registry knows of one file: the copy loaded from it, if any, and why its current bytes were
     * refused, if they were (with a plugin present: the refused bytes came after the loaded copy).
     */
    private record JarRecord(FileStamp stamp, Optional<LoadedPlugin> plugin, List<PluginEntry> rejection) {
    }

    /** What readers see; replaced whole, never changed. */
    private record Snapshot(Map<String, ProviderSlot.Servable> servable, List<PluginEntry> entries, Redactor redactor) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), List.of(), Redactor.PERSONAL_DATA);
    }
}
