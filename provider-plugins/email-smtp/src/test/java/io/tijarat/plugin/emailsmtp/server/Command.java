package io.tijarat.plugin.emailsmtp.server;

import java.util.Locale;

/** What a client line asks for; {@link #GREETING} and {@link #END_OF_DATA} are the server's own turns. */
public enum Command {
    GREETING, EHLO, HELO, STARTTLS, AUTH, MAIL, RCPT, DATA, END_OF_DATA, RSET, NOOP, QUIT, UNKNOWN;

    static Command of(String line) {
        String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        if (verb.startsWith("MAIL")) {
            return MAIL;
        }
        if (verb.startsWith("RCPT")) {
            return RCPT;
        }
        for (Command command : values()) {
            if (command.name().equals(verb) && command != GREETING && command != END_OF_DATA) {
                return command;
            }
        }
        return UNKNOWN;
    }
}
