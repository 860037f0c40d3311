package io.tijarat.web;

import io.tijarat.core.testsupport.TestDatabase;
import java.sql.SQLException;

/**
 * Reads the test database directly, to check what the server committed (one parameter, one value); and moves a
 * stored time into the past, where a test needs time to have passed without waiting for it.
 */
final class TestSql {

    private TestSql() {
    }

    /** The first column of the first row as text, or null when there is no row. */
    static String text(String sql, String parameter) {
        try (var connection = TestDatabase.get().dataSource().getConnection();
             var statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row as a number, -1 when there is no row. */
    static int count(String sql, String parameter) {
        String value = text(sql, parameter);
        return value == null ? -1 : Integer.parseInt(value);
    }

    /** Runs an update with one parameter; returns the rows changed. */
    static int update(String sql, String parameter) {
        try (var connection = TestDatabase.get().dataSource().getConnection();
             var statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
