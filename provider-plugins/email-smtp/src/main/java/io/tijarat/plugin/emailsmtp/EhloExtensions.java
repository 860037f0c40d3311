package io.tijarat.plugin.emailsmtp;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The service extensions a server announced in its reply to EHLO (RFC 5321 section 4.1.1.1): one keyword per
 * line after the first, with parameters, e.g. {@code STARTTLS}, {@code AUTH PLAIN LOGIN}. Immutable.
 */
final class EhloExtensions {

    private final Map<String, String> parameters;

    private EhloExtensions(Map<String, String> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    static EhloExtensions of(SmtpReply ehloReply) {
        Map<String, String> parameters = new HashMap<>();
        List<String> lines = ehloReply.lines();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String text = line.strip();
            // The pre-standard "AUTH=LOGIN PLAIN" some servers still send as well.
            if (text.toUpperCase(Locale.ROOT).startsWith("AUTH=")) {
                text = "AUTH " + text.substring("AUTH=".length());
            }
            int space = text.indexOf(' ');
            String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
            String value = space < 0 ? "" : text.substring(space + 1).strip();
            parameters.merge(keyword, value, (a, b) -> (a + " " + b).strip());
        }
        return new EhloExtensions(parameters);
    }

    boolean has(String keyword) {
        return parameters.containsKey(keyword);
    }

    /** The SASL mechanisms after {@code AUTH}, upper-case; empty if the server offers no AUTH. */
    Set<String> authMechanisms() {
        Set<String> mechanisms = new LinkedHashSet<>();
        for (String mechanism : parameters.getOrDefault("AUTH", "").split("\\s+")) {
            if (!mechanism.isEmpty()) {
                mechanisms.add(mechanism.toUpperCase(Locale.ROOT));
            }
        }
        return mechanisms;
    }
}
