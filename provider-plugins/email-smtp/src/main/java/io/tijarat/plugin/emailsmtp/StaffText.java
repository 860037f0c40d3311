package io.tijarat.plugin.emailsmtp;

import io.tijarat.spi.Redaction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's wording, made fit for logs, outcome details and admin screens: e-mail addresses masked like
 * {@link io.tijarat.spi.EmailAddress#masked()} ({@code a***@example.com}), phone and CNIC numbers masked by
 * {@link Redaction}, control characters dropped, and cut to a length a screen can show. Stateless.
 */
final class StaffText {

    private static final int MAX_LENGTH = 200;
    private static final Pattern ADDRESS = Pattern.compile("([^\\s<>@\"(),;:\\[\\]])[^\\s<>@\"(),;:\\[\\]]*@"
            + "([^\\s<>@\"(),;:\\[\\]]+)");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F]");

    private StaffText() {
    }

    static String of(String serverText) {
        Matcher matcher = ADDRESS.matcher(CONTROL.matcher(serverText).replaceAll(" ").strip());
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(matcher.group(1) + "***@" + matcher.group(2)));
        }
        matcher.appendTail(masked);
        String text = Redaction.redact(masked.toString());
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }
}
