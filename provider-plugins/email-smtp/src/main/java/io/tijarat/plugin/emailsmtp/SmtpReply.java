package io.tijarat.plugin.emailsmtp;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMTP reply (RFC 5321 section 4.2): a three-digit code and the text of its lines. The text is the
 * server's wording and may quote an address; it reaches people only through {@link #summary()}, masked.
 *
 * @param code  the reply code, 200 to 599
 * @param lines the text after the code on each line, possibly empty
 */
record SmtpReply(int code, List<String> lines) {

    /** An RFC 3463 enhanced status code at the start of the text: {@code 5.1.1}. */
    private static final Pattern ENHANCED = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?=\\s|$)");

    SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("SMTP reply code out of range: " + code);
        }
        lines = List.copyOf(lines);
    }

    /** 2yz: the command was done. */
    boolean isPositive() {
        return code / 100 == 2;
    }

    /** 4yz: not done this time; the same command may succeed later. */
    boolean isTransientFailure() {
        return code / 100 == 4;
    }

    /** 5yz: not done, and repeating it as it is will not help. */
    boolean isPermanentFailure() {
        return code / 100 == 5;
    }

    /** The enhanced status code of the first line, if the server sends them ({@code 5.7.8}). */
    Optional<String> enhancedCode() {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = ENHANCED.matcher(lines.get(0));
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    /** The code and the enhanced code only: for replies whose text must not be repeated (AUTH). */
    String codes() {
        return code + enhancedCode().map(enhanced -> " " + enhanced).orElse("");
    }

    /** The code and the server's wording, with addresses and phone numbers masked, shortened: for staff. */
    String summary() {
        return code + " " + StaffText.of(String.join(" ", lines));
    }

    /** Masked, like {@link #summary()}: a reply may quote the recipient. */
    @Override
    public String toString() {
        return summary();
    }
}
