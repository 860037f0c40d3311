package io.tijarat.plugin.emailsmtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes header fields in 7-bit ASCII (RFC 5322), with text outside printable ASCII — an Urdu subject, a
 * sender name in Urdu — as RFC 2047 encoded words in UTF-8 and base64 ({@code =?UTF-8?B?...?=}).
 *
 * <p>Lines are folded (CRLF and a space) so that none is longer than 78 characters where the text allows it.
 * Encoded words hold whole characters (never half of a UTF-8 sequence or of a surrogate pair) and are at most
 * 64 characters long, inside RFC 2047's limit of 75. Control characters in a value (a CR or LF in a subject
 * would start a new header: header injection) become spaces. Stateless.
 */
final class HeaderText {

    static final String CRLF = "\r\n";

    /** 39 bytes give 52 base64 characters: a 64-character encoded word, and "Subject: " plus one fits 78. */
    private static final int MAX_WORD_BYTES = 39;
    private static final int MAX_LINE = 78;
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F]");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]*");
    /** Characters that may stand in a display name without quotes (RFC 5322 atext and spaces). */
    private static final Pattern ATOMS = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\- ]+");

    private HeaderText() {
    }

    /**
     * An unstructured field such as {@code Subject}: as it is when it is printable ASCII, else as encoded
     * words; folded either way. Without the final CRLF.
     */
    static String unstructured(String name, String value) {
        String text = clean(value);
        return fold(name, needsEncoding(text) ? encodedWords(text) : List.of(text.split(" ")));
    }

    /**
     * An address field with one mailbox: {@code From: Shop <orders@shop.pk>}, the name quoted or encoded as
     * needed. Without the final CRLF.
     */
    static String mailbox(String name, Mailbox mailbox) {
        List<String> tokens = new ArrayList<>();
        mailbox.displayName().map(HeaderText::clean).filter(n -> !n.isEmpty()).ifPresent(displayName -> {
            if (needsEncoding(displayName)) {
                tokens.addAll(encodedWords(displayName));
            } else if (ATOMS.matcher(displayName).matches()) {
                tokens.addAll(List.of(displayName.split(" ")));
            } else {
                tokens.add("\"" + displayName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
            }
        });
        tokens.add(tokens.isEmpty() ? mailbox.address() : "<" + mailbox.address() + ">");
        return fold(name, tokens);
    }

    /**
     * The text as encoded words of at most {@value #MAX_WORD_BYTES} UTF-8 bytes each, cut between
     * characters. Readers join adjacent encoded words without the folding space between them.
     */
    static List<String> encodedWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int bytes = character.getBytes(StandardCharsets.UTF_8).length;
            if (chunkBytes + bytes > MAX_WORD_BYTES && chunkBytes > 0) {
                words.add(encodedWord(chunk.toString()));
                chunk.setLength(0);
                chunkBytes = 0;
            }
            chunk.append(character);
            chunkBytes += bytes;
            i += Character.charCount(codePoint);
        }
        if (chunkBytes > 0) {
            words.add(encodedWord(chunk.toString()));
        }
        return words;
    }

    private static String encodedWord(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** Control characters as spaces, runs of spaces as one: a header value is one line of words. */
    private static String clean(String value) {
        return CONTROL.matcher(value).replaceAll(" ").replaceAll(" {2,}", " ").strip();
    }

    /** Non-ASCII, or text a reader would mistake for an encoded word. */
    private static boolean needsEncoding(String text) {
        return !PRINTABLE_ASCII.matcher(text).matches() || text.contains("=?");
    }

    /** {@code Name: token token...}, breaking before a token that would pass 78 characters. */
    private static String fold(String name, List<String> tokens) {
        StringBuilder field = new StringBuilder(name).append(':');
        int lineLength = field.length();
        boolean first = true;
        for (String token : tokens) {
            if (!first && lineLength + 1 + token.length() > MAX_LINE) {
                field.append(CRLF);
                lineLength = 0;
            }
            field.append(' ').append(token);
            lineLength += 1 + token.length();
            first = false;
        }
        return field.toString();
    }
}
