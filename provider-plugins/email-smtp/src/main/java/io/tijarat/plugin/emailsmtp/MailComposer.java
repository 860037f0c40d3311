package io.tijarat.plugin.emailsmtp;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.notification.MessageContent;
import io.tijarat.spi.notification.MessageRequest;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Writes one message (RFC 5322 and MIME) as 7-bit ASCII text with CRLF line ends, ready for
 * {@link DataLines}: a {@code text/plain} part, or {@code multipart/alternative} with text and HTML when the
 * content has HTML.
 *
 * <p>The event id makes the message recognisable as the same message on every try: it is the
 * {@code Message-ID} ({@code <event-id@tijarat>}), an {@code X-Tijarat-Event-Id} header, and part of the
 * multipart boundary; for the same request and clock, the bytes are the same. {@code Date} comes from the
 * context's clock, in Pakistan time. {@code Auto-Submitted: auto-generated} (RFC 3834) keeps out-of-office
 * replies from answering a notification. Thread-safe: immutable.
 */
final class MailComposer {

    /** The right-hand side of every Message-ID this plugin writes. */
    static final String MESSAGE_ID_DOMAIN = "tijarat";
    static final String EVENT_ID_HEADER = "X-Tijarat-Event-Id";

    private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final String CRLF = HeaderText.CRLF;

    private final Mailbox from;
    private final Clock clock;

    MailComposer(Mailbox from, Clock clock) {
        this.from = from;
        this.clock = clock;
    }

    /** {@code <EVENTID@tijarat>}: also what {@code Accepted} reports, so support can find the mail by it. */
    static String messageId(IdempotencyKey eventId) {
        return "<" + eventId.value() + "@" + MESSAGE_ID_DOMAIN + ">";
    }

    /** The message for {@code to}; the request's channel is e-mail, so it has a subject. */
    String compose(MessageRequest request, Mailbox to) {
        MessageContent content = request.content();
        StringBuilder message = new StringBuilder(1024 + 2 * content.text().length());
        line(message, "Date: " + DATE.format(ZonedDateTime.ofInstant(clock.instant(), PAKISTAN)));
        line(message, HeaderText.mailbox("From", from));
        line(message, HeaderText.mailbox("To", to));
        line(message, HeaderText.unstructured("Subject", content.subject().orElseThrow(
                () -> new IllegalArgumentException("an e-mail needs a subject"))));
        line(message, "Message-ID: " + messageId(request.eventId()));
        line(message, EVENT_ID_HEADER + ": " + request.eventId().value());
        line(message, "Auto-Submitted: auto-generated");
        line(message, "MIME-Version: 1.0");
        Optional<String> html = content.html();
        if (html.isEmpty()) {
            part(message, "text/plain", content.text());
            return message.toString();
        }
        // "=_" cannot occur in base64 or quoted-printable output, so the boundary cannot occur in a part.
        String boundary = "=_tijarat_" + request.eventId().value();
        line(message, "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"");
        line(message, "");
        line(message, "--" + boundary);
        part(message, "text/plain", content.text());
        line(message, "--" + boundary);
        part(message, "text/html", html.get());
        line(message, "--" + boundary + "--");
        return message.toString();
    }

    /** The part's headers, the blank line and the encoded body. */
    private static void part(StringBuilder message, String type, String text) {
        BodyEncoding encoding = BodyEncoding.of(text);
        line(message, "Content-Type: " + type + "; charset=UTF-8");
        line(message, "Content-Transfer-Encoding: " + encoding.name());
        line(message, "");
        line(message, encoding.body());
    }

    private static void line(StringBuilder message, String text) {
        message.append(text).append(CRLF);
    }
}
