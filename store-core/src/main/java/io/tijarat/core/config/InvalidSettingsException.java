package io.tijarat.core.config;

import java.util.List;

/** One or more settings have values the server cannot use; the message names each key and what it expects. */
public class InvalidSettingsException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("Invalid configuration, the server does not start: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidSettingsException(String key, String value, String expected) {
        this(List.of(problem(key, value, expected)));
    }

    public List<String> problems() {
        return problems;
    }

    static String problem(String key, String value, String expected) {
        return key + " must be " + expected + ", was '" + value + "'";
    }
}
