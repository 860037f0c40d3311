package io.tijarat.core.testsupport;

import java.util.HashMap;
import java.util.Map;

/**
 * Hibernate's database-identification settings ({@code jakarta.persistence.database-*},
 * {@code hibernate.dialect}) passed through from system properties — the same configuration an operator
 * gives the server for a MariaDB 10.x that Connector/J reports as "MySQL 5.5.5" (STACK.md pitfall 3).
 */
final class DialectSettings {

    private DialectSettings() {
    }

    static Map<String, String> fromSystemProperties() {
        Map<String, String> settings = new HashMap<>();
        System.getProperties().forEach((k, v) -> {
            String key = k.toString();
            if (key.startsWith("jakarta.persistence.database-") || key.equals("hibernate.dialect")) {
                settings.put(key, v.toString());
            }
        });
        return settings;
    }
}
