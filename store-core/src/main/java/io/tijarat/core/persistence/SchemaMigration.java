package io.tijarat.core.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Migrates the schema when the application starts, before it serves requests (the web module's start-up
 * listener calls {@link #migrateAtStartup()}). A failed migration fails the deployment: serving on a schema
 * the code does not expect would corrupt orders. Work that needs the schema at start-up observes
 * {@link SchemaReady}.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:app/jdbc/tijarat")
    private DataSource dataSource;

    @Inject
    private Event<SchemaReady> schemaReady;

    private volatile String schemaVersion;

    public void migrateAtStartup() {
        long started = System.nanoTime();
        schemaVersion = new DatabaseMigrations(dataSource).migrate();
        LOG.info(() -> "Database schema at version " + schemaVersion + " ("
                + (System.nanoTime() - started) / 1_000_000 + " ms)");
        schemaReady.fire(new SchemaReady(schemaVersion));
    }

    /** The schema version reached at start-up, or {@code null} before the migration finished. */
    public String schemaVersion() {
        return schemaVersion;
    }
}
