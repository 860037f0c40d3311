package io.tijarat.plugin.emailsmtp;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address as this SMTP client can send it, with an optional display name for the From header.
 *
 * <p>The address is plain ASCII: a dot-atom local part (RFC 5322 {@code atext}), and a domain of LDH labels,
 * an internationalised domain being converted to its IDNA ("xn--") form. A non-ASCII local part would need the
 * SMTPUTF8 extension, which this client does not speak, and a quoted local part is too rare to be worth the
 * risk; both are refused. Because the shape is this strict, an address can go into {@code MAIL FROM:<...>},
 * {@code RCPT TO:<...>} and a header as it is: it has no space, CR, LF, {@code <}, {@code >} or comma to
 * inject anything with.
 *
 * @param displayName the name shown for the sender ({@code Shop} in {@code Shop <orders@shop.pk>}), if any
 * @param address     the ASCII address
 */
record Mailbox(Optional<String> displayName, String address) {

    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL_PART = Pattern.compile(ATEXT + "(\\." + ATEXT + ")*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_ADDRESS = 254;
    private static final int MAX_DISPLAY_NAME = 120;

    /** An address without a display name; empty if this client cannot send to it. */
    static Optional<Mailbox> address(String text) {
        return ascii(text.strip()).map(address -> new Mailbox(Optional.empty(), address));
    }

    /**
     * A sender as operators write it: {@code orders@shop.pk}, {@code Shop <orders@shop.pk>} or
     * {@code "Shop, Lahore" <orders@shop.pk>}. Empty if it is not one of those, or the name holds control
     * characters.
     */
    static Optional<Mailbox> parse(String text) {
        String value = text.strip();
        int open = value.lastIndexOf('<');
        if (open < 0) {
            return address(value);
        }
        if (!value.endsWith(">")) {
            return Optional.empty();
        }
        String name = unquote(value.substring(0, open).strip());
        if (name.length() > MAX_DISPLAY_NAME || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        Optional<String> displayName = name.isEmpty() ? Optional.empty() : Optional.of(name);
        return ascii(value.substring(open + 1, value.length() - 1).strip())
                .map(address -> new Mailbox(displayName, address));
    }

    /** For {@code MAIL FROM:} and {@code RCPT TO:}. */
    String envelope() {
        return "<" + address + ">";
    }

    private static Optional<String> ascii(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at > MAX_LOCAL_PART || at == address.length() - 1) {
            return Optional.empty();
        }
        String local = address.substring(0, at);
        if (!LOCAL_PART.matcher(local).matches()) {
            return Optional.empty();
        }
        return asciiDomain(address.substring(at + 1))
                .map(domain -> local + "@" + domain)
                .filter(result -> result.length() <= MAX_ADDRESS);
    }

    private static Optional<String> asciiDomain(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notADomain) {
            return Optional.empty();
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(ascii);
    }

    /** {@code "Shop, Lahore"} as {@code Shop, Lahore}; an unquoted name as it is. */
    private static String unquote(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replaceAll("\\\\(.)", "$1").strip();
        }
        return name;
    }
}
