package io.tijarat.plugin.emailsmtp.server;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One message as the server received it after DATA.
 *
 * @param mailFrom   the MAIL FROM argument, as sent ({@code <orders@shop.pk>})
 * @param rcptTo     the accepted RCPT TO arguments
 * @param wire       the bytes between the 354 reply and the final {@code .} line, exactly as received
 *                   (dot-stuffed)
 * @param content    the message after removing the dot-stuffing: what a real server would store
 * @param overTls    whether TLS protected the connection
 * @param authUser   who had logged in, or {@code null}
 * @param finalReply what the server answered to the final dot ({@code null} if it hung up)
 */
public record ReceivedMail(String mailFrom, List<String> rcptTo, byte[] wire, byte[] content, boolean overTls,
                           String authUser, String finalReply) {

    public ReceivedMail {
        rcptTo = List.copyOf(rcptTo);
    }

    /** The content as text; the plugin sends 7-bit ASCII only. */
    public String text() {
        return new String(content, StandardCharsets.ISO_8859_1);
    }

    /** The wire bytes as text, dot-stuffing and all. */
    public String wireText() {
        return new String(wire, StandardCharsets.ISO_8859_1);
    }
}
