package io.tijarat.core.persistence;

/** Fired once at start-up, after the schema has been migrated to {@code version}. */
public record SchemaReady(String version) {
}
