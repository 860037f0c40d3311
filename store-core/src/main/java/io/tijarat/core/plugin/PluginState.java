package io.tijarat.core.plugin;

/** Where a provider (or a whole jar) stands, as the admin screen shows it. */
public enum PluginState {
    /** Loaded, configured and handed out to the core. */
    ACTIVE,
    /** Loaded and valid, but switched off by the operator: not handed out. */
    DISABLED,
    /**
     * The plugin's code or configuration did not work: its factory threw, a class was missing, the jar
     * could not be read, {@code create} failed or a required property is not set. Retried when the jar
     * or the configuration changes.
     */
    FAILED,
    /**
     * The host would not run it: incompatible or missing SPI version, a hash not in the allow-list, a
     * duplicate provider id, or a descriptor whose kind does not match its factory.
     */
    REFUSED
}
