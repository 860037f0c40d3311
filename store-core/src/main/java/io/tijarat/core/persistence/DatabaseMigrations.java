package io.tijarat.core.persistence;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the schema version this build expects. Safe to run on every start and from
 * several instances at once: Flyway serialises concurrent migrations with a database lock.
 */
public final class DatabaseMigrations {

    /** Where the versioned migrations live on the class path. */
    public static final String LOCATION = "classpath:db/migration";

    private final DataSource dataSource;

    public DatabaseMigrations(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Applies pending migrations and returns the resulting schema version. */
    public String migrate() {
        MigrateResult result = configure().load().migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : currentVersion();
    }

    /** The schema version currently applied, or {@code "none"} on an empty database. */
    public String currentVersion() {
        var current = configure().load().info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration configure() {
        return Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true);
    }
}
