package io.tijarat.core.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a message may repeat of text a customer typed. Checkout needs no login, so the contact an order names is
 * unverified and the name may be written by a spammer ("Win a prize at evil.example"): every message carries the
 * name only without anything that could be followed — links, domains, e-mail addresses, long numbers — and
 * shortened; the first message (the order confirmation) does not carry it at all.
 */
final class FreeText {

    static final int MAX_NAME = 40;

    private static final Pattern FOLLOWABLE = Pattern.compile(
            "(?i).*(://|www\\.|@|[\\p{L}\\p{N}-]\\.[\\p{L}]{2,}|\\p{N}{5,}).*");

    private FreeText() {
    }

    /** The name without followable words and at most {@value #MAX_NAME} characters; empty if nothing is left. */
    static String name(String text) {
        if (text == null) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (!word.isEmpty() && !FOLLOWABLE.matcher(word).matches()) {
                kept.add(word);
            }
        }
        String name = String.join(" ", kept);
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME)).strip();
        }
        return name;
    }
}
