package io.tijarat.web.config;

import jakarta.annotation.sql.DataSourceDefinition;
import io.tijarat.core.config.TijaratSettings;
import io.tijarat.core.jobs.BackgroundJobs;
import io.tijarat.core.persistence.SchemaMigration;
import io.tijarat.core.provider.PluginProviders;
import io.tijarat.core.webhook.MerchantWebhooks;
import io.tijarat.web.health.ServingState;
import jakarta.inject.Inject;
import java.util.logging.Logger;
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
 * <p>The same listener starts the application, in this order, once per deployment: settings read and validated
 * (a bad value stops the deployment naming the key), the production guards (no DEV-ONLY admin key, a public URL, a
 * plugin allow-list; each before the plugin directory is loaded), the schema migration (then webhook secrets sealed
 * at rest with the configured key), the plugin directory (in production no active provider may be in sandbox mode),
 * the background jobs. CDI's own start-up event fires before Payara has bound this data source; a servlet context
 * listener runs after it and before any request. Readiness ({@link ServingState}) turns UP only after all of it.
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
            // Validation runs a query; on every checkout of a connection it was ten queries per order. Once per
            // connection per 30 s still catches a restarted database (fail-all-connections replaces the rest).
            "fish.payara.validate-atmost-once-period-in-seconds=30",
            "fish.payara.connection-leak-timeout-in-seconds=60",
            "fish.payara.connection-leak-reclaim=true",
            // Connector/J: parse each SQL text once per connection instead of per execution (the largest CPU cost
            // on the request path when profiled), and skip round trips for session state the driver already knows.
            // Properties in tijarat.db.url are applied on top of these.
            "cachePrepStmts=true",
            "prepStmtCacheSize=250",
            "prepStmtCacheSqlLimit=2048",
            "useLocalSessionState=true",
            "useLocalTransactionState=true",
            "cacheServerConfiguration=true",
            "maintainTimeStats=false"
        })
public class ApplicationStartup implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

    @Inject
    TijaratSettings settings;

    @Inject
    SchemaMigration migration;

    @Inject
    PluginProviders plugins;

    @Inject
    BackgroundJobs jobs;

    @Inject
    MerchantWebhooks webhooks;

    @Inject
    ServingState state;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            start();
        } catch (RuntimeException e) {
            var invalid = invalidSettings(e);
            String why = "Tijarat could not start: " + (invalid != null ? invalid.getMessage() : e.getMessage());
            // a wrong setting is the operator's to fix, named in the message: no stack trace to wade through
            LOG.log(java.util.logging.Level.SEVERE, why, invalid != null ? null : e);
            if (org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("tijarat.exit-on-startup-failure", Boolean.class).orElse(false)) {
                // Payara Micro keeps running without the application after a failed deployment: a server that
                // answers 404 to every storefront call. The launcher asks for the process to end instead.
                System.err.println(why);
                System.err.flush();
                Runtime.getRuntime().halt(3);
            }
            throw e;
        }
    }

    private static io.tijarat.core.config.InvalidSettingsException invalidSettings(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.tijarat.core.config.InvalidSettingsException invalid) {
                return invalid;
            }
        }
        return null;
    }

    private void start() {
        long started = System.nanoTime();
        LogContextFilter.install();
        var mode = settings.mode(); // reads and validates every setting: a bad one stops the deployment here
        DevKeyGuard.check(mode);
        PublicUrlGuard.check(mode, settings.publicUrl());
        PluginAllowListGuard.check(mode, org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue(PluginAllowListGuard.KEY, String.class));
        migration.migrateAtStartup();
        int sealed = sealWebhookSecrets();
        if (sealed > 0) {
            LOG.info(() -> "Encrypted or re-keyed the signing secrets of " + sealed + " merchant webhook(s)");
        }
        int plugins = this.plugins.entries().size(); // load the plugin directory now, not on the first checkout
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        SandboxGuard.check(mode, this.plugins.allActive(), key -> config.getOptionalValue(key, String.class));
        jobs.start();
        state.started();
        LOG.info(() -> "Tijarat started in " + mode + " mode: schema " + migration.schemaVersion() + ", " + plugins
                + " plugin jar(s), in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /** V14's data step: SQL cannot encrypt with a key only the application holds. A missing key is a setting to fix. */
    private int sealWebhookSecrets() {
        try {
            return webhooks.sealSecretsAtRest();
        } catch (io.tijarat.core.crypto.SecretBox.CannotOpenException e) {
            throw new io.tijarat.core.config.InvalidSettingsException(java.util.List.of(
                    "tijarat.secrets.key / tijarat.secrets.previous-keys must hold the key of every stored secret: "
                            + e.getMessage()));
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        LogContextFilter.uninstall();
    }
}
