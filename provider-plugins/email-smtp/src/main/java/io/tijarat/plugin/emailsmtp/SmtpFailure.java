package io.tijarat.plugin.emailsmtp;

import java.io.IOException;
import java.util.Optional;

/**
 * Why a conversation ended without the server taking the message, and at which {@link Phase}; what that
 * means for the core is {@link SmtpOutcomes}' business. Internal to the plugin. Its message holds reply codes
 * only, never a command line or the server's wording.
 */
final class SmtpFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** The three ways a conversation fails. */
    enum Kind {
        /** The server answered, but not with what the phase needs. */
        REPLY,
        /** No answer: the connection failed, closed, timed out, or the answer was not SMTP. */
        NO_REPLY,
        /** The server lacks what this provider insists on (STARTTLS, an AUTH mechanism), or misbehaved. */
        UNUSABLE_SERVER
    }

    private final Kind kind;
    private final Phase phase;
    private final transient SmtpReply reply;

    private SmtpFailure(Kind kind, Phase phase, SmtpReply reply, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.phase = phase;
        this.reply = reply;
    }

    static SmtpFailure reply(Phase phase, SmtpReply reply) {
        return new SmtpFailure(Kind.REPLY, phase, reply, phase + ": " + reply.codes(), null);
    }

    static SmtpFailure noReply(Phase phase, IOException cause) {
        return new SmtpFailure(Kind.NO_REPLY, phase, null, phase + ": " + cause.getClass().getSimpleName(), cause);
    }

    /** @param problem for the operator: what the server lacks and what to do */
    static SmtpFailure unusableServer(Phase phase, String problem) {
        return new SmtpFailure(Kind.UNUSABLE_SERVER, phase, null, problem, null);
    }

    Kind kind() {
        return kind;
    }

    Phase phase() {
        return phase;
    }

    /** The reply, for {@link Kind#REPLY}. */
    Optional<SmtpReply> reply() {
        return Optional.ofNullable(reply);
    }

    /** What failed on the connection, for {@link Kind#NO_REPLY}. */
    Optional<IOException> ioFailure() {
        return getCause() instanceof IOException io ? Optional.of(io) : Optional.empty();
    }
}
