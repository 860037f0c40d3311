package io.tijarat.web.health;

import io.tijarat.core.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the application serves its API ({@link ServingState}: settings, migrations, plugins and jobs
 * started, and the API answering) and the database answers within two seconds. Once UP it stays UP unless the
 * database stops answering: a restart on an existing home deploys once, so readiness does not flap. Reports
 * the server's product and version (useful when an operator wonders which database a node talks to),
 * never the URL or credentials.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Resource(lookup = "java:app/jdbc/tijarat")
    private DataSource dataSource;

    @Inject
    private SchemaMigration migration;

    @Inject
    private ServingState state;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!state.serving()) {
            return response.down().withData("application", state.isStarted() ? "starting its API" : "starting").build();
        }
        String schema = migration.schemaVersion();
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            boolean valid = connection.isValid(2);
            return response.status(valid && schema != null)
                    .withData("server", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion())
                    .withData("schemaVersion", schema == null ? "not migrated" : schema)
                    .build();
        } catch (SQLException e) {
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
