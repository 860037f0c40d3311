package io.tijarat.core.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which text an SMS goes out with: the customer's language first, English second, and only a text the gateway can
 * carry within the shop's limit of parts. Urdu needs UCS-2, which a gateway without {@code UNICODE_SMS} would
 * garble; a text longer than the limit is never cut (a cut message can drop the order number or the amount), the
 * next candidate is taken instead, and with none left the message is refused with the reasons. Stateless.
 *
 * @param text    what to send, if any candidate fits
 * @param locale  the chosen text's language
 * @param parts   its encoding and billed parts
 * @param refusal why no candidate could be sent (empty when one was chosen)
 */
public record SmsText(Optional<String> text, Optional<String> locale, Optional<SmsParts> parts, Optional<String> refusal) {

    /** One text in one language. */
    public record Candidate(String locale, String text) {
        public Candidate {
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The first of {@code candidates} that the gateway can send ({@code unicode}: it declares {@code UNICODE_SMS})
     * in at most {@code maxParts} parts.
     */
    public static SmsText choose(List<Candidate> candidates, boolean unicode, int maxParts) {
        if (maxParts < 1) {
            throw new IllegalArgumentException("maxParts must be >= 1");
        }
        List<String> reasons = new ArrayList<>();
        for (Candidate c : candidates) {
            SmsParts parts = SmsParts.of(c.text());
            if (parts.encoding() == SmsEncoding.UCS_2 && !unicode) {
                reasons.add(c.locale() + ": needs UCS-2 (e.g. Urdu), which the SMS gateway cannot send");
            } else if (parts.parts() > maxParts) {
                reasons.add(c.locale() + ": " + parts.parts() + " parts, more than tijarat.sms.max-parts=" + maxParts);
            } else {
                return new SmsText(Optional.of(c.text()), Optional.of(c.locale()), Optional.of(parts), Optional.empty());
            }
        }
        return new SmsText(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(reasons.isEmpty() ? "no text to send" : String.join("; ", reasons)));
    }
}
