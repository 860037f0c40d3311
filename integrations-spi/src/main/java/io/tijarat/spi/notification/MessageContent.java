package io.tijarat.spi.notification;

import io.tijarat.spi.internal.Checks;
import java.util.Optional;

/**
 * What a message says, ready to send: the core has rendered templates and chosen the language.
 *
 * @param subject the e-mail subject; SMS has none
 * @param text    the plain text: the SMS itself, or the e-mail's text part
 * @param html    the e-mail's HTML part, if any; SMS has none
 */
public record MessageContent(Optional<String> subject, String text, Optional<String> html) {

    public MessageContent {
        Checks.optional(subject, "subject");
        subject.ifPresent(value -> Checks.notBlank(value, "subject", 250));
        Checks.notBlank(text, "text");
        Checks.optional(html, "html");
    }

    /** A text message. */
    public static MessageContent sms(String text) {
        return new MessageContent(Optional.empty(), text, Optional.empty());
    }

    /** A plain-text e-mail. */
    public static MessageContent email(String subject, String text) {
        return new MessageContent(Optional.of(subject), text, Optional.empty());
    }

    /** An e-mail with a text and an HTML part. */
    public static MessageContent email(String subject, String text, String html) {
        return new MessageContent(Optional.of(subject), text, Optional.of(html));
    }
}
