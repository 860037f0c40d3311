package io.tijarat.core.contact;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a customer's reply by SMS or WhatsApp asks for. Only the first word counts, so a chatty reply ("1 thanks")
 * still reads, and a sentence that merely contains "stop" does not opt anyone out.
 *
 * <ul>
 *   <li>Opt-out: {@code STOP}, {@code STOPALL}, {@code UNSUBSCRIBE}, {@code CANCEL}, {@code END}, {@code QUIT},
 *       {@code OPTOUT}, {@code REVOKE} — the words Twilio treats as opt-out by default (its "Advanced Opt-Out"
 *       documentation), so the shop's ledger agrees with what the gateway itself will block — and the Urdu
 *       {@code بند}.</li>
 *   <li>Opt-in: {@code START}, {@code UNSTOP} (Twilio's opt-in words, except {@code YES}, which here confirms an
 *       order).</li>
 *   <li>Confirm: {@code 1} (also in Urdu or Arabic digits), {@code YES}, {@code Y}, {@code HAAN}, {@code HAN},
 *       {@code JI}, {@code ہاں}, {@code جی}.</li>
 *   <li>Cancel the order: {@code 2} (in any of those digits), {@code NO}, {@code N}, {@code NAHI}, {@code NAHIN},
 *       {@code نہیں}.</li>
 * </ul>
 * An order number anywhere in the reply ({@code TJ-7K3M-9QXD}, any case) says which order is meant.
 */
public record ReplyReading(Kind kind, Optional<String> orderNumber) {

    /** What the reply asks for. */
    public enum Kind {
        OPT_OUT, OPT_IN, CONFIRM, CANCEL, OTHER
    }

    private static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "OPTOUT", "REVOKE", "بند");
    private static final Set<String> OPT_IN = Set.of("START", "UNSTOP");
    private static final Set<String> CONFIRM = Set.of("1", "YES", "Y", "HAAN", "HAN", "JI", "ہاں", "جی");
    private static final Set<String> CANCEL = Set.of("2", "NO", "N", "NAHI", "NAHIN", "نہیں");
    private static final Pattern ORDER_NUMBER = Pattern.compile("\\bTJ-[0-9A-Z]{4}-[0-9A-Z]{4}\\b");

    public ReplyReading {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(orderNumber, "orderNumber");
    }

    /** Reads a reply as the customer typed it. */
    public static ReplyReading of(String text) {
        String normal = asciiDigits(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC))
                .strip().toUpperCase(Locale.ROOT);
        Matcher number = ORDER_NUMBER.matcher(normal);
        Optional<String> orderNumber = number.find() ? Optional.of(number.group()) : Optional.empty();
        String first = normal.isEmpty() ? "" : normal.split("[\\s,.!?;:۔،]+", 2)[0];
        Kind kind = OPT_OUT.contains(first) ? Kind.OPT_OUT
                : OPT_IN.contains(first) ? Kind.OPT_IN
                : CONFIRM.contains(first) ? Kind.CONFIRM
                : CANCEL.contains(first) ? Kind.CANCEL
                : Kind.OTHER;
        return new ReplyReading(kind, orderNumber);
    }

    /** Urdu (U+06F0..) and Arabic-Indic (U+0660..) digits as ASCII: phones type whichever the keyboard has. */
    private static String asciiDigits(String text) {
        var sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c >= 0x06F0 && c <= 0x06F9) {
                sb.append((char) ('0' + c - 0x06F0));
            } else if (c >= 0x0660 && c <= 0x0669) {
                sb.append((char) ('0' + c - 0x0660));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
