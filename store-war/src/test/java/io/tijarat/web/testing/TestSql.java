package io.tijarat.web.testing;

import io.tijarat.core.testsupport.TestDatabase;
import java.sql.SQLException;

/** Reads the test database directly, to check what the server committed (one parameter, one value). */
public final class TestSql {

    private TestSql() {
    }

    /** The first column of the first row as text, or null when there is no row. */
    public static String text(String sql, String parameter) {
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
    public static int count(String sql, String parameter) {
        String value = text(sql, parameter);
        return value == null ? -1 : Integer.parseInt(value);
    }

    /** Runs a statement with text parameters; returns the rows it changed. For setting up what a test needs. */
    public static int update(String sql, String... parameters) {
        try (var connection = TestDatabase.get().dataSource().getConnection();
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
