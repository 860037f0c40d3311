package io.tijarat.web.config;

import jakarta.annotation.sql.DataSourceDefinition;
import io.tijarat.core.idempotency.IdempotencyPurge;
import io.tijarat.core.outbox.OutboxRelay;
import io.tijarat.core.shipment.Fulfilment;
import io.tijarat.core.payment.Reconciler;
import io.tijarat.core.persistence.SchemaMigration;
import io.tijarat.core.provider.PluginProviders;
import io.tijarat.core.webhook.WebhookRelay;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The application's connection pool, MySQL Connector/J. URL, user and password come from MicroProfile
 * Config's system-property and environment sources ({@code tijarat.db.url} or {@code TIJARAT_DB_URL}, …):
 * Payara resolves this annotation before the WAR's own microprofile-config.properties is visible
 * (STACK.md pitfall 2), and secrets never belong in the WAR anyway. The launcher fills them in for the
 * embedded MariaDB.
 *
 * <p>The same listener migrates the schema and loads the plugins when the web module starts: CDI's own start-up event fires
 * before Payara has bound this data source, a servlet context listener runs after and before any request.
 */
@WebListener
@DataSourceDefinition(
        name = "java:app/jdbc/tijarat",
        className = "com.mysql.cj.jdbc.MysqlDataSource",
        url = "${MPCONFIG=tijarat.db.url}",
        user = "${MPCONFIG=tijarat.db.user}",
        password = "${MPCONFIG=tijarat.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            // A pooled connection the server closed (restart, wait_timeout) is replaced, not handed out.
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
            "fish.payara.fail-all-connections=true",
            "fish.payara.connection-leak-timeout-in-seconds=60",
            "fish.payara.connection-leak-reclaim=true"
        })
public class DatabaseStartup implements ServletContextListener {

    @Inject
    SchemaMigration migration;

    @Inject
    PluginProviders plugins;

    @Inject
    IdempotencyPurge idempotencyPurge;

    @Inject
    Reconciler reconciler;

    @Inject
    OutboxRelay outboxRelay;

    @Inject
    Fulfilment fulfilment;

    @Inject
    WebhookRelay webhookRelay;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        migration.migrateAtStartup();
        // Load the plugin directory now rather than on the first checkout.
        plugins.entries();
        idempotencyPurge.start();
        reconciler.start();
        outboxRelay.start();
        fulfilment.start();
        webhookRelay.start();
    }
}
