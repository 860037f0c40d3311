package io.tijarat.plugin.emailsmtp;

/**
 * Where an SMTP conversation stands. What a failure means depends on it: before {@link #FINAL_DOT} the
 * server cannot have taken the message (an SMTP server discards a transaction whose data was not ended with
 * the final dot), so trying again is safe; from {@code FINAL_DOT} on, the message may have been taken.
 */
enum Phase {
    CONNECT("connecting"),
    GREETING("waiting for the greeting"),
    EHLO("EHLO"),
    STARTTLS("STARTTLS"),
    AUTH("AUTH"),
    MAIL_FROM("MAIL FROM"),
    RCPT_TO("RCPT TO"),
    DATA("DATA"),
    CONTENT("sending the message text"),
    /** The final dot is being written or has been written: the server may have taken the message. */
    FINAL_DOT("waiting for the reply to the end of the message");

    private final String description;

    Phase(String description) {
        this.description = description;
    }

    /** Whether the server may have taken responsibility for the message. */
    boolean messageMayHaveGoneOut() {
        return this == FINAL_DOT;
    }

    @Override
    public String toString() {
        return description;
    }
}
